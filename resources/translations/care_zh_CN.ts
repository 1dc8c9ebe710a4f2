<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CareLabels</name>
    <message>
        <source>Opening day</source>
        <translation>开盘当天</translation>
    </message>
    <message>
        <source>After signing</source>
        <translation>签约后</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Raised in a follow-up</source>
        <translation>回访中提出</translation>
    </message>
    <message>
        <source>Online / 12345 hotline</source>
        <translation>网络/12345</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>来函</translation>
    </message>
    <message>
        <source>To be respected</source>
        <translation>得到尊重</translation>
    </message>
    <message>
        <source>The problem fixed now</source>
        <translation>立即解决问题</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>得到赔偿</translation>
    </message>
    <message>
        <source>Whoever was at fault punished</source>
        <translation>惩罚过失者</translation>
    </message>
    <message>
        <source>A guarantee it will not happen again</source>
        <translation>保证不再发生</translation>
    </message>
    <message>
        <source>Group complaint with a leader</source>
        <translation>核心型群诉</translation>
    </message>
    <message>
        <source>Group complaint by a team</source>
        <translation>团队型群诉</translation>
    </message>
    <message>
        <source>Scattered group complaint</source>
        <translation>散沙型群诉</translation>
    </message>
    <message>
        <source>After subscribing</source>
        <translation>认购后</translation>
    </message>
    <message>
        <source>Day before signing</source>
        <translation>签约前一日</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Monthly building progress</source>
        <translation>每月工程进度</translation>
    </message>
    <message>
        <source>Low-score remedy</source>
        <translation>低分补救</translation>
    </message>
    <message>
        <source>Subscription refunded</source>
        <translation>退订退款</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门/到访</translation>
    </message>
    <message>
        <source>Listen to what the customer asks</source>
        <translation>认真听取客户诉求</translation>
    </message>
    <message>
        <source>Make the setting right for the talk (change the scene, place or way)</source>
        <translation>营造适宜的谈话氛围（改变情景、地点、方式）</translation>
    </message>
    <message>
        <source>Show understanding, calm the anger</source>
        <translation>引起共鸣，平息不满</translation>
    </message>
    <message>
        <source>Lower unreasonable expectations</source>
        <translation>降低不合理的期望值</translation>
    </message>
    <message>
        <source>Propose a solution</source>
        <translation>提出解决方案</translation>
    </message>
    <message>
        <source>Draw up a plan to carry it out</source>
        <translation>制订执行计划</translation>
    </message>
    <message>
        <source>%1: %2 (group)</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Appointment reminder</source>
        <translation>预约提醒</translation>
    </message>
    <message>
        <source>New consultant introduced</source>
        <translation>交接介绍</translation>
    </message>
    <message>
        <source>Call after subscribing</source>
        <translation>认购后回访</translation>
    </message>
    <message>
        <source>Signing materials reminder</source>
        <translation>签约材料提醒</translation>
    </message>
    <message>
        <source>Signing congratulations</source>
        <translation>签约祝贺</translation>
    </message>
    <message>
        <source>Call after signing</source>
        <translation>签约后回访</translation>
    </message>
    <message>
        <source>Birthday wishes</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Holiday greetings</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Building progress</source>
        <translation>工程进度</translation>
    </message>
    <message>
        <source>Satisfaction follow-up</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Care message</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Showroom</source>
        <translation>现场布置</translation>
    </message>
    <message>
        <source>Understood needs</source>
        <translation>理解需求</translation>
    </message>
    <message>
        <source>Easy paperwork</source>
        <translation>手续便捷</translation>
    </message>
    <message>
        <source>After-sale care</source>
        <translation>售后关心</translation>
    </message>
    <message>
        <source>Trustworthy</source>
        <translation>值得信任</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>回访任务</translation>
    </message>
    <message>
        <source>Follow-up escalation</source>
        <translation>回访升级</translation>
    </message>
    <message>
        <source>Unsent text message</source>
        <translation>未发短信</translation>
    </message>
    <message>
        <source>Named backup</source>
        <translation>备岗</translation>
    </message>
    <message>
        <source>Signing desk shift</source>
        <translation>签约台排班</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>signing appointment</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>visit appointment</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>backup for %1</source>
        <translation>%1 的备岗</translation>
    </message>
    <message>
        <source>%1 desk %2 %3</source>
        <translation>%1 %2 号台 %3</translation>
    </message>
</context>
<context>
    <name>CarePage</name>
    <message>
        <source>Customer care</source>
        <translation>客户维护</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访任务</translation>
    </message>
    <message>
        <source>Messages to send</source>
        <translation>待发短信</translation>
    </message>
    <message>
        <source>My escalations</source>
        <translation>我的升级任务</translation>
    </message>
    <message>
        <source>Score card</source>
        <translation>满意度评分卡</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度统计</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉记录</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>离职交接</translation>
    </message>
    <message>
        <source>Message templates</source>
        <translation>短信模板</translation>
    </message>
</context>
<context>
    <name>ComplaintsView</name>
    <message>
        <source>Handle every complaint through the six steps, in order.</source>
        <translation>每宗投诉按六个步骤依次处理：听取诉求 → 营造氛围 → 引起共鸣 → 降低期望 → 提出方案 → 执行计划。</translation>
    </message>
    <message>
        <source>Link selected as group complaint</source>
        <translation>将所选投诉关联为群诉</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道/方式</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群诉</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Select a complaint</source>
        <translation>请选择一条投诉</translation>
    </message>
    <message>
        <source>What was done in this step</source>
        <translation>本步骤的处理情况（结案时填写处理结果）</translation>
    </message>
    <message>
        <source>Record this step</source>
        <translation>记录此步骤</translation>
    </message>
    <message>
        <source>Close with this outcome</source>
        <translation>以此结果结案</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>ready to close</source>
        <translation>可结案</translation>
    </message>
    <message>
        <source>Wants: %1</source>
        <translation>客户诉求：%1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <source>Select two or more complaints first</source>
        <translation>请先选择两条或以上投诉</translation>
    </message>
</context>
<context>
    <name>EscalationsView</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>当前级别</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>What was done, what the customer said</source>
        <translation>处理经过及客户反馈</translation>
    </message>
    <message>
        <source>Resolved (close the task); otherwise it goes one level up</source>
        <translation>已解决（关闭任务）；否则升级至上一级</translation>
    </message>
    <message>
        <source>Save outcome</source>
        <translation>保存处理结果</translation>
    </message>
    <message>
        <source>%1 open escalations are yours to handle, %2 overdue.</source>
        <translation>待您处理的升级任务 %1 项，其中逾期 %2 项。</translation>
    </message>
    <message>
        <source>Select an escalation first.</source>
        <translation>请先选择一项升级任务。</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Link as a group complaint</source>
        <translation>关联为群诉</translation>
    </message>
    <message>
        <source>Common grievance</source>
        <translation>共同诉求</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>(no leader)</source>
        <translation>（无领军人物）</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领军人物</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <source>Hand over a departing consultant's customers</source>
        <translation>顾问离职客户交接</translation>
    </message>
    <message>
        <source>Every customer they received, their open follow-ups, complaints and appointments move to the successor in one step; each customer is sent a message introducing the successor.</source>
        <translation>其接待的全部客户、未完成的回访、投诉和预约一次性移交给接替人；每位客户都会收到一条介绍接替人的短信。</translation>
    </message>
    <message>
        <source>e.g. resigned on 30 November</source>
        <translation>例如：11月30日离职</translation>
    </message>
    <message>
        <source>Departing consultant</source>
        <translation>离职顾问</translation>
    </message>
    <message>
        <source>Successor (active)</source>
        <translation>接替人（在职）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>交接原因</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>确认交接</translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>Will move: %1 customers, %2 open follow-ups, %3 open complaints, %4 open appointments</source>
        <translation>将移交：客户 %1 位，未完成回访 %2 项，未结投诉 %3 件，未到期预约 %4 个</translation>
    </message>
    <message>
        <source>%1's customers now belong to %2: %3 customers, %4 follow-ups, %5 other items; %6 introduction messages queued.</source>
        <translation>%1 的客户已交接给 %2：客户 %3 位，回访任务 %4 项，其他 %5 项；已排队发送 %6 条引荐短信。</translation>
    </message>
</context>
<context>
    <name>InactiveOwnerCheck</name>
    <message>
        <source>Still owned by a disabled account</source>
        <translation>归属于已停用账号的事项</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Owner (disabled)</source>
        <translation>归属人（已停用）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Nothing is owned by a disabled account.</source>
        <translation>没有任何事项归属于已停用账号。</translation>
    </message>
    <message>
        <source>%1 items still belong to disabled accounts: hand them over.</source>
        <translation>仍有 %1 项归属于已停用账号，请办理交接。</translation>
    </message>
</context>
<context>
    <name>MessagesView</name>
    <message>
        <source>To send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Result unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Copy or print the text, send it to the customer from your phone, then press Mark sent. A message is never sent twice.</source>
        <translation>复制或打印短信内容，用手机发送给客户后，点击“标记已发送”。同一条短信不会重复发送。</translation>
    </message>
    <message>
        <source>%1 to send · %2 need attention · sent in the last 7 days are listed too</source>
        <translation>待发送 %1 条 · 需处理 %2 条 · 近 7 天已发送的也一并列出</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <source>New complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>last 4 digits</source>
        <translation>手机后四位</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Customer's phone</source>
        <translation>客户手机</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道/方式</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>The customer wants</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>No customer with these digits</source>
        <translation>没有找到该尾号的客户</translation>
    </message>
    <message>
        <source>Find the customer first</source>
        <translation>请先查找客户</translation>
    </message>
</context>
<context>
    <name>SatisfactionView</name>
    <message>
        <source>Chart: per item</source>
        <translation>图表：按评分项</translation>
    </message>
    <message>
        <source>Chart: per month</source>
        <translation>图表：按月份</translation>
    </message>
    <message>
        <source>Chart: per consultant</source>
        <translation>图表：按置业顾问</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近12个月</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>近6个月</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>近3个月</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <source>Overall (100 scale)</source>
        <translation>整体满意度（百分制）</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标分</translation>
    </message>
    <message>
        <source>Score cards</source>
        <translation>评分卡数量</translation>
    </message>
    <message>
        <source>Cards with a score below 4</source>
        <translation>含低于 4 分项的评分卡</translation>
    </message>
    <message>
        <source>Per consultant</source>
        <translation>各置业顾问满意度</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>评分卡</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Below 4</source>
        <translation>低分卡</translation>
    </message>
    <message>
        <source>Follow-ups done on time</source>
        <translation>回访按时完成情况</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Cards below 4 (escalated)</source>
        <translation>低于 4 分的评分卡（已逐级升级）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Low items</source>
        <translation>低分项</translation>
    </message>
    <message>
        <source>Satisfaction per month (100 scale)</source>
        <translation>月度满意度（百分制）</translation>
    </message>
    <message>
        <source>Satisfaction per consultant (100 scale)</source>
        <translation>各置业顾问满意度（百分制）</translation>
    </message>
    <message>
        <source>Satisfaction per item (100 scale)</source>
        <translation>各项满意度（百分制）</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Satisfaction report</source>
        <translation>满意度报告</translation>
    </message>
</context>
<context>
    <name>ScoreCardKiosk</name>
    <message>
        <source>Satisfaction score card</source>
        <translation>满意度评分卡</translation>
    </message>
    <message>
        <source>%1, please score our service</source>
        <translation>%1，请为我们的服务打分</translation>
    </message>
    <message>
        <source>Tap 1 (very dissatisfied) to 5 (very satisfied) for each item. Your answers go straight to the project's customer service.</source>
        <translation>每项请点选 1 分（非常不满意）至 5 分（非常满意）。您的评分将直接提交项目客服中心。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Submit my scores</source>
        <translation>提交评分</translation>
    </message>
    <message>
        <source>The sales centre is comfortable and well organised</source>
        <translation>销售现场布置舒适，管理有序</translation>
    </message>
    <message>
        <source>The consultant understood my needs and gave sound advice</source>
        <translation>销售人员能理解购房需求，并提供合理的建议</translation>
    </message>
    <message>
        <source>Subscription, signing, payment and mortgage steps are clear and easy</source>
        <translation>签约、付款、按揭等购房手续规范、便捷</translation>
    </message>
    <message>
        <source>I feel cared for after the sale</source>
        <translation>售后持续关心和关注</translation>
    </message>
    <message>
        <source>The developer is trustworthy throughout the purchase</source>
        <translation>在整个买房过程中，开发商是值得信任的</translation>
    </message>
    <message>
        <source>Thank you for your scores!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <source>Please hand the screen back to our staff.</source>
        <translation>请将屏幕交还工作人员。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ScoreCardLauncher</name>
    <message>
        <source>Find the customer by the last four digits of their phone, then hand the screen to them. The card opens full screen.</source>
        <translation>按客户手机后四位查找客户，然后将屏幕交给客户。评分卡将全屏显示，不显示任何员工信息。</translation>
    </message>
    <message>
        <source>last 4 digits</source>
        <translation>手机后四位</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Hand the screen to the customer</source>
        <translation>交给客户评分</translation>
    </message>
    <message>
        <source>No customer with these digits</source>
        <translation>没有找到该尾号的客户</translation>
    </message>
    <message>
        <source>Find and select the customer first</source>
        <translation>请先查找并选择客户</translation>
    </message>
    <message>
        <source>Score card saved.</source>
        <translation>评分卡已保存。</translation>
    </message>
</context>
<context>
    <name>TaskListView</name>
    <message>
        <source>All consultants</source>
        <translation>全部顾问</translation>
    </message>
    <message>
        <source>Show closed</source>
        <translation>显示已完成</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道/方式</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Select a task</source>
        <translation>请选择一项回访任务</translation>
    </message>
    <message>
        <source>What to say (from the template):</source>
        <translation>话术/短信内容（来自模板）：</translation>
    </message>
    <message>
        <source>Outcome (required to close the task):</source>
        <translation>回访结果（必填，填写后才能完成任务）：</translation>
    </message>
    <message>
        <source>e.g. Called; the customer confirmed the signing time and knows what to bring</source>
        <translation>例如：已电话联系，客户确认签约时间并清楚需带资料</translation>
    </message>
    <message>
        <source>Customer's birthday:</source>
        <translation>客户生日：</translation>
    </message>
    <message>
        <source>Save birthday</source>
        <translation>保存生日</translation>
    </message>
    <message>
        <source>Record outcome and close</source>
        <translation>记录结果并完成</translation>
    </message>
    <message>
        <source>%1 · overdue %2 d</source>
        <translation>%1 · 逾期 %2 天</translation>
    </message>
    <message>
        <source>%1 · cancelled</source>
        <translation>%1 · 已取消</translation>
    </message>
    <message>
        <source>%1 · done %2</source>
        <translation>%1 · %2 完成</translation>
    </message>
    <message>
        <source>%1 · today</source>
        <translation>%1 · 今天</translation>
    </message>
    <message>
        <source>%1 open · %2 overdue</source>
        <translation>未完成 %1 项 · 已逾期 %2 项</translation>
    </message>
    <message>
        <source>%1 · %2 · due %3</source>
        <translation>%1 · %2 · %3 到期</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
</context>
<context>
    <name>TemplatesView</name>
    <message>
        <source>Select a template</source>
        <translation>请选择模板</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>可用占位符：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation>（已修改）</translation>
    </message>
</context>
</TS>