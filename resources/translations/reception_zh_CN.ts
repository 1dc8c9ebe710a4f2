<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallBanner</name>
    <message>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>You are called: %1 · please go to reception</source>
        <translation>您有客户：%1 · 请到前台接待</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <source>Check in a visitor</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Wait for them</source>
        <translation>等候原顾问</translation>
    </message>
    <message>
        <source>Their backup</source>
        <translation>备岗接待</translation>
    </message>
    <message>
        <source>Next in rotation</source>
        <translation>按轮序接待</translation>
    </message>
    <message>
        <source>Party size</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>e.g. 王先生 (optional)</source>
        <translation>如 王先生（可不填）</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>自然到访</translation>
    </message>
    <message>
        <source>Owner referral</source>
        <translation>老带新</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>渠道/中介</translation>
    </message>
    <message>
        <source>Phone invite</source>
        <translation>电话邀约</translation>
    </message>
    <message>
        <source>Agent's name</source>
        <translation>经纪人姓名</translation>
    </message>
    <message>
        <source>Important visitor (senior consultants only)</source>
        <translation>重要客户（仅熟手接待）</translation>
    </message>
    <message>
        <source>Very important visitor (sales manager)</source>
        <translation>非常重要访客（销售经理接待）</translation>
    </message>
    <message>
        <source>Customer agrees we record the number</source>
        <translation>客户同意登记手机号</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>登记到访（回车）</translation>
    </message>
    <message>
        <source>New customer · %1 · ask for consent</source>
        <translation>新客户 · %1 · 请征得客户同意</translation>
    </message>
    <message>
        <source>Returning customer</source>
        <translation>老客户</translation>
    </message>
    <message>
        <source>%1 visits</source>
        <translation>来访 %1 次</translation>
    </message>
    <message>
        <source>already checked in: %1</source>
        <translation>今日已登记：%1</translation>
    </message>
    <message>
        <source>appointment: %1</source>
        <translation>预约：%1</translation>
    </message>
    <message>
        <source>consultant %1 (%2)</source>
        <translation>置业顾问 %1（%2）</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>备岗：%1</translation>
    </message>
    <message>
        <source>No backup named</source>
        <translation>未指定备岗</translation>
    </message>
    <message>
        <source>Already checked in a moment ago: ticket %1</source>
        <translation>刚刚已登记过：票号 %1</translation>
    </message>
    <message>
        <source>Ticket %1 · signing appointment %2: please take them to the signing desk</source>
        <translation>票号 %1 · 签约预约 %2：请引导至签约区</translation>
    </message>
    <message>
        <source>Ticket %1 · %2 receives them now</source>
        <translation>票号 %1 · 请 %2 接待</translation>
    </message>
    <message>
        <source>Ticket %1 · waits for %2, about %3 min</source>
        <translation>票号 %1 · 等候 %2，约 %3 分钟</translation>
    </message>
    <message>
        <source>Ticket %1 · please wait, about %2 min</source>
        <translation>票号 %1 · 请稍候，约 %2 分钟</translation>
    </message>
</context>
<context>
    <name>DisplayBoardWindow</name>
    <message>
        <source>Reception board</source>
        <translation>接待叫号屏</translation>
    </message>
    <message>
        <source>Welcome · please wait to be called</source>
        <translation>欢迎光临 · 请留意叫号</translation>
    </message>
    <message>
        <source>Now being received</source>
        <translation>正在接待</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>Last called</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <source>About %1 minutes</source>
        <translation>预计等候约 %1 分钟</translation>
    </message>
    <message>
        <source>No waiting at the moment</source>
        <translation>目前无需等候</translation>
    </message>
</context>
<context>
    <name>FloorPanel</name>
    <message>
        <source>Rotation (轮序)</source>
        <translation>轮序</translation>
    </message>
    <message>
        <source>On duty…</source>
        <translation>上岗名单…</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>离岗</translation>
    </message>
    <message>
        <source>Move up…</source>
        <translation>上移…</translation>
    </message>
    <message>
        <source>Waiting and called</source>
        <translation>等候与叫号</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>改派…</translation>
    </message>
    <message>
        <source>%1 waiting · about %2 min</source>
        <translation>%1 组等候 · 约 %2 分钟</translation>
    </message>
    <message>
        <source>Nobody waiting</source>
        <translation>无人等候</translation>
    </message>
    <message>
        <source>Select a consultant in the list first</source>
        <translation>请先在名单中选择一位置业顾问</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>原因（可不填）</translation>
    </message>
    <message>
        <source>Select a party that has a consultant first</source>
        <translation>请先选择已分配顾问的客户</translation>
    </message>
    <message>
        <source>Reassign the party</source>
        <translation>改派客户</translation>
    </message>
    <message>
        <source>Change the order</source>
        <translation>调整轮序</translation>
    </message>
    <message>
        <source>Why does %1 move up?</source>
        <translation>%1 上移的原因？</translation>
    </message>
</context>
<context>
    <name>MyQueuePanel</name>
    <message>
        <source>Start duty</source>
        <translation>上岗</translation>
    </message>
    <message>
        <source>Back, free</source>
        <translation>回岗空闲</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <source>Receiving now</source>
        <translation>正在接待</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>A · strong</source>
        <translation>A · 意向强</translation>
    </message>
    <message>
        <source>B · considering</source>
        <translation>B · 考虑中</translation>
    </message>
    <message>
        <source>C · just looking</source>
        <translation>C · 随便看看</translation>
    </message>
    <message>
        <source>Units of interest, e.g. 1-1203, 2-801</source>
        <translation>意向房号，如 1-1203, 2-801</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Finish reception</source>
        <translation>结束接待</translation>
    </message>
    <message>
        <source>Invalid (directions, delivery)…</source>
        <translation>无效接待（问路、快递）…</translation>
    </message>
    <message>
        <source>Park…</source>
        <translation>暂挂…</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>My next parties</source>
        <translation>待我接待</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>叫下一位</translation>
    </message>
    <message>
        <source>Start reception</source>
        <translation>开始接待</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>重新叫号</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号未到</translation>
    </message>
    <message>
        <source>My status: %1</source>
        <translation>我的状态：%1</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>first visit</source>
        <translation>首访</translation>
    </message>
    <message>
        <source>returning</source>
        <translation>复访</translation>
    </message>
    <message>
        <source>%1 people · %2 · %3 · since %4</source>
        <translation>%1 人 · %2 · %3 · %4 起</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>原因（可不填）</translation>
    </message>
    <message>
        <source>Invalid reception</source>
        <translation>无效接待</translation>
    </message>
    <message>
        <source>What was it (asked the way, a delivery…)?</source>
        <translation>是什么情况（问路、送快递…）？</translation>
    </message>
    <message>
        <source>Park the party</source>
        <translation>暂挂客户</translation>
    </message>
    <message>
        <source>Why (gone to the show flat, waiting for a spouse…)?</source>
        <translation>原因（去看样板房、等家人…）？</translation>
    </message>
    <message>
        <source>Transfer to a colleague</source>
        <translation>转交同事</translation>
    </message>
</context>
<context>
    <name>OnDutyDialog</name>
    <message>
        <source>Who is on duty today</source>
        <translation>今日上岗</translation>
    </message>
    <message>
        <source>Tick the consultants who join the rotation (in order):</source>
        <translation>勾选今日上岗的置业顾问（按勾选顺序排在队尾）：</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <source>%1 %2 · now with %3</source>
        <translation>%1 %2 · 当前顾问：%3</translation>
    </message>
    <message>
        <source>Next in the rotation</source>
        <translation>轮序到位</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Give to</source>
        <translation>交给</translation>
    </message>
    <message>
        <source>e.g. the consultant is not on the floor</source>
        <translation>例如：顾问不在售楼处</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Give a reason: it goes into the rotation log</source>
        <translation>请填写原因：将记入轮序日志</translation>
    </message>
    <message>
        <source>Nobody else is on duty</source>
        <translation>没有其他在岗同事</translation>
    </message>
    <message>
        <source>Give %1 to %2?
Reason: %3</source>
        <translation>将 %1 交给 %2？
原因：%3</translation>
    </message>
</context>
<context>
    <name>ReceptionFiguresWidget</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>自选日期…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>来访组数</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>来访人数</translation>
    </message>
    <message>
        <source>First visits</source>
        <translation>首访</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>复访</translation>
    </message>
    <message>
        <source>Wait median / 90% (min)</source>
        <translation>等候中位数 / 90分位（分钟）</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>过号未到</translation>
    </message>
    <message>
        <source>Invalid receptions</source>
        <translation>无效接待</translation>
    </message>
    <message>
        <source>Manual rotation changes</source>
        <translation>主管调整轮序</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>渠道/中介</translation>
    </message>
    <message>
        <source>Receptions</source>
        <translation>有效接待</translation>
    </message>
    <message>
        <source>Median min</source>
        <translation>中位数（分钟）</translation>
    </message>
    <message>
        <source>90% min</source>
        <translation>90分位（分钟）</translation>
    </message>
    <message>
        <source>Intent A</source>
        <translation>A类意向</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Per consultant</source>
        <translation>按置业顾问</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>分配总数</translation>
    </message>
    <message>
        <source>Rotation turns</source>
        <translation>轮到次数</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Place given back</source>
        <translation>补位</translation>
    </message>
    <message>
        <source>Direct (owner, appointment)</source>
        <translation>直接分配（老客户、预约）</translation>
    </message>
    <message>
        <source>Turns owed</source>
        <translation>保留轮序</translation>
    </message>
    <message>
        <source>Rotation fairness</source>
        <translation>轮序公平</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来访渠道</translation>
    </message>
    <message>
        <source>By source</source>
        <translation>按来访渠道</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>票号</translation>
    </message>
    <message>
        <source>Replay of the last day</source>
        <translation>当日轮序回放</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>上岗</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>结束接待</translation>
    </message>
    <message>
        <source>place given back</source>
        <translation>补位</translation>
    </message>
    <message>
        <source>order changed</source>
        <translation>调整顺序</translation>
    </message>
    <message>
        <source>turn owed</source>
        <translation>保留轮序</translation>
    </message>
    <message>
        <source>reassigned by reception</source>
        <translation>前台改派</translation>
    </message>
    <message>
        <source>Export reception figures</source>
        <translation>导出接待统计</translation>
    </message>
</context>
<context>
    <name>ReceptionFloor</name>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>接待中</translation>
    </message>
    <message>
        <source>On break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>In a meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>离岗</translation>
    </message>
    <message>
        <source>Not on duty today</source>
        <translation>今日未在岗</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>轮序</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>渠道/中介</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>今日接待</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>票号</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>暂挂</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来访渠道</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>For</source>
        <translation>接待顾问</translation>
    </message>
    <message>
        <source>next free</source>
        <translation>下一位空闲顾问</translation>
    </message>
</context>
<context>
    <name>ReceptionLabels</name>
    <message>
        <source>Next in the rotation</source>
        <translation>轮序到位</translation>
    </message>
    <message>
        <source>Important visitor: senior rotation</source>
        <translation>重要客户·熟手轮序</translation>
    </message>
    <message>
        <source>Important visitor: received by the manager</source>
        <translation>重要客户·经理接待</translation>
    </message>
    <message>
        <source>Joint agency: companies take turns</source>
        <translation>联合代理·轮换公司</translation>
    </message>
    <message>
        <source>Returning customer: their own consultant</source>
        <translation>老客户·原顾问</translation>
    </message>
    <message>
        <source>Returning customer: their consultant's named backup</source>
        <translation>老客户·原顾问的指定备岗</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约客户</translation>
    </message>
    <message>
        <source>Handed to a colleague</source>
        <translation>转交同事</translation>
    </message>
    <message>
        <source>Receiving again</source>
        <translation>恢复接待</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>正在接待</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>离岗</translation>
    </message>
    <message>
        <source>Free again</source>
        <translation>回到空闲</translation>
    </message>
    <message>
        <source>Turn given back: not a real visit</source>
        <translation>无效接待补位</translation>
    </message>
    <message>
        <source>Turn given back: the customer did not come</source>
        <translation>客户未到补位</translation>
    </message>
    <message>
        <source>Order changed by the supervisor</source>
        <translation>主管调整顺序</translation>
    </message>
    <message>
        <source>Passed over on their own customer: keeps their place</source>
        <translation>接待老客户·保留轮序</translation>
    </message>
    <message>
        <source>Reassigned by reception: consultant not there</source>
        <translation>前台改派</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>自然到访</translation>
    </message>
    <message>
        <source>Owner referral</source>
        <translation>老带新</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>渠道/中介</translation>
    </message>
    <message>
        <source>Phone invitation</source>
        <translation>电话邀约</translation>
    </message>
    <message>
        <source>%1 signing · desk %2</source>
        <translation>%1 签约 · %2 号签约台</translation>
    </message>
    <message>
        <source>%1 visit · %2</source>
        <translation>%1 到访 · %2</translation>
    </message>
    <message>
        <source>%1 visit</source>
        <translation>%1 到访</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <source>Reception</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <source>My visitors</source>
        <translation>我的接待</translation>
    </message>
    <message>
        <source>Figures…</source>
        <translation>接待统计…</translation>
    </message>
    <message>
        <source>Screen for the display board</source>
        <translation>叫号大屏所在的显示器</translation>
    </message>
    <message>
        <source>Display board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>%1 · %2 on duty · %3 free · %4 receiving</source>
        <translation>%1 · 在岗 %2 人 · 空闲 %3 人 · 接待中 %4 组</translation>
    </message>
    <message>
        <source>Reception figures</source>
        <translation>接待统计</translation>
    </message>
</context>
</TS>