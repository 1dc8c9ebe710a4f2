<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>告知轮次</translation>
    </message>
    <message>
        <source>Complete rounds</source>
        <translation>完整轮次</translation>
    </message>
    <message>
        <source>Items missed</source>
        <translation>漏告项目</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>认购</translation>
    </message>
    <message>
        <source>Without complete disclosure</source>
        <translation>未完整告知的认购</translation>
    </message>
    <message>
        <source>Follow-up mismatches</source>
        <translation>回访不一致</translation>
    </message>
    <message>
        <source>By consultant</source>
        <translation>按置业顾问</translation>
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
        <source>Sunshine</source>
        <translation>阳光宣言</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>五证</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同范本</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>不利因素</translation>
    </message>
    <message>
        <source>Not told</source>
        <translation>未告知项目</translation>
    </message>
    <message>
        <source>Latest follow-up</source>
        <translation>最近回访</translation>
    </message>
    <message>
        <source>Pre-opening list</source>
        <translation>开盘前客户清单</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>Mismatch</source>
        <translation>不一致之处</translation>
    </message>
    <message>
        <source>Answer recorded by</source>
        <translation>回访记录人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Overridden by</source>
        <translation>放行主管</translation>
    </message>
    <message>
        <source>Items missing</source>
        <translation>缺项</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Overridden subscriptions</source>
        <translation>主管放行的认购</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开启时间</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Now with</source>
        <translation>当前层级</translation>
    </message>
    <message>
        <source>Owner role</source>
        <translation>负责角色</translation>
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
        <translation>处理经过</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>记录处理结果…</translation>
    </message>
    <message>
        <source>Record follow-up call…</source>
        <translation>记录回访…</translation>
    </message>
    <message>
        <source>Open escalations</source>
        <translation>未关闭升级</translation>
    </message>
    <message>
        <source>Checks every disclosure record's hash and its link to the one before: an edited, deleted or reordered record is named.</source>
        <translation>逐条核对告知记录的哈希及其与前一条记录的链接：被改动、删除或调换顺序的记录会被逐一指出。</translation>
    </message>
    <message>
        <source>Verify the ledger</source>
        <translation>校验告知记录</translation>
    </message>
    <message>
        <source>Check with head office</source>
        <translation>与总部核对</translation>
    </message>
    <message>
        <source>Compares every record with the copy head office keeps: a record rewritten, deleted or replaced on this computer is named with its number.</source>
        <translation>逐条比对总部保存的副本：在本机被改写、删除或替换的记录都会列出其序号。</translation>
    </message>
    <message>
        <source>Ledger alarms from head office</source>
        <translation>总部发出的告知记录警报</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>记录链</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Sent by device</source>
        <translation>上传设备</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Ledger check</source>
        <translation>记录校验</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Ledger alarms from head office: %1 open</source>
        <translation>总部发出的告知记录警报：%1 条未处理</translation>
    </message>
    <message>
        <source>%1 to %2: %3 rounds, %4 overridden subscriptions, %5 follow-up mismatches, %6 open escalations</source>
        <translation>%1 至 %2：告知 %3 轮，主管放行认购 %4 笔，回访不一致 %5 处，未关闭升级任务 %6 个</translation>
    </message>
    <message>
        <source>The ledger and the database passed every check.</source>
        <translation>告知记录与数据库全部校验通过。</translation>
    </message>
    <message>
        <source>The check FAILED: the records below were changed outside SalesDesk.</source>
        <translation>校验未通过：以下记录在 SalesDesk 之外被改动。</translation>
    </message>
    <message>
        <source>Only a supervisor can check the ledger with head office.</source>
        <translation>只有主管可以与总部核对告知记录。</translation>
    </message>
    <message>
        <source>Check with head office cancelled.</source>
        <translation>已取消与总部核对。</translation>
    </message>
    <message>
        <source>Matches head office's copy: %1 chains, %2 records compared.</source>
        <translation>与总部副本一致：%1 条记录链，已比对 %2 条记录。</translation>
    </message>
    <message>
        <source>Differs from head office's copy: %1 problems. The records below were changed on this computer after head office received them.</source>
        <translation>与总部副本不一致：共 %1 处问题。以下记录在总部收到后于本机被改动。</translation>
    </message>
    <message>
        <source>Chain %1: %2 records here, head office acknowledged up to no. %3</source>
        <translation>记录链 %1：本机 %2 条记录，总部已确认至第 %3 条</translation>
    </message>
    <message>
        <source>Select an escalation first.</source>
        <translation>请先选择一个升级任务。</translation>
    </message>
    <message>
        <source>Outcome of the escalation</source>
        <translation>升级任务处理结果</translation>
    </message>
    <message>
        <source>What was done, what the customer said</source>
        <translation>做了什么，客户怎么说</translation>
    </message>
    <message>
        <source>Resolved (close the task); otherwise it goes one level up</source>
        <translation>已解决（关闭任务）；未勾选则升级到上一层级</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Export the audit</source>
        <translation>导出审计报告</translation>
    </message>
    <message>
        <source>Exporting the audit…</source>
        <translation>正在导出审计报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <source>Receptions</source>
        <translation>接待次数</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>DisclosureLabels</name>
    <message>
        <source>Supervisor override</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <source>Disclosure at reception</source>
        <translation>接待告知</translation>
    </message>
    <message>
        <source>Disclosure before the deposit</source>
        <translation>交定前告知</translation>
    </message>
    <message>
        <source>Disclosure repeated</source>
        <translation>补充告知</translation>
    </message>
    <message>
        <source>Disclosure record chain forked: another record with the same device and number; refused by head office</source>
        <translation>告知记录链分叉：同一设备同一序号出现另一条记录，总部已拒收</translation>
    </message>
    <message>
        <source>Disclosure record content does not match its hash; refused by head office</source>
        <translation>告知记录内容与其哈希不符，总部已拒收</translation>
    </message>
    <message>
        <source>Disclosure record does not link to the one before it in the chain; refused by head office</source>
        <translation>告知记录与链中前一条不衔接，总部已拒收</translation>
    </message>
    <message>
        <source>The same disclosure record uploaded again with different content (possible tampering); refused by head office</source>
        <translation>同一告知记录再次上传时内容不同（疑似篡改），总部已拒收</translation>
    </message>
</context>
<context>
    <name>DisclosurePage</name>
    <message>
        <source>Sunshine declaration</source>
        <translation>阳光宣言</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>五证</translation>
    </message>
    <message>
        <source>Contract template</source>
        <translation>合同范本</translation>
    </message>
    <message>
        <source>Adverse factor</source>
        <translation>不利因素</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>During reception</source>
        <translation>接待告知</translation>
    </message>
    <message>
        <source>Before the deposit</source>
        <translation>交定前告知</translation>
    </message>
    <message>
        <source>Re-cover (follow-up)</source>
        <translation>补充告知（回访前后）</translation>
    </message>
    <message>
        <source>Print blank form…</source>
        <translation>打印空白反馈单…</translation>
    </message>
    <message>
        <source>The feedback form with every box blank, to tick, sign and date on paper before the round is saved</source>
        <translation>保存告知记录前打印的空白反馈单：客户在纸上逐项勾选、签字并注明日期</translation>
    </message>
    <message>
        <source>Print feedback form…</source>
        <translation>打印现场反馈单…</translation>
    </message>
    <message>
        <source>Prints the round selected in the list, or the one just saved</source>
        <translation>打印列表中选中的记录；未选中时打印刚保存的记录</translation>
    </message>
    <message>
        <source>No registered customer with this number. Register the customer at reception first.</source>
        <translation>没有用此号码登记的客户，请先在前台登记。</translation>
    </message>
    <message>
        <source>This is %1's customer, not yours: agree with %1 before recording a round.</source>
        <translation>这是 %1 的客户，不是您的：请先与 %1 沟通再记录告知。</translation>
    </message>
    <message>
        <source>%1's customer.</source>
        <translation>%1 的客户。</translation>
    </message>
    <message>
        <source>Unit %1 is outside every presale permit: it may be explained but not sold.</source>
        <translation>%1 不在任何商品房预售许可证范围内：可以介绍，但不可销售。</translation>
    </message>
    <message>
        <source>Superseded by a correction</source>
        <translation>已被更正记录取代</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>已收回</translation>
    </message>
    <message>
        <source>%1 · %2 — told %3 of %4 items</source>
        <translation>%1 · %2 —— 已告知 %3 / %4 项</translation>
    </message>
    <message>
        <source>Select the round to correct in the list first.</source>
        <translation>请先在列表中选择要更正的记录。</translation>
    </message>
    <message>
        <source>Saved. Record hash %1</source>
        <translation>已保存。记录哈希 %1</translation>
    </message>
    <message>
        <source>%1 item(s) left untold: cover them before the deposit.</source>
        <translation>尚有 %1 项未告知：交定前须补充告知。</translation>
    </message>
    <message>
        <source>Feedback form</source>
        <translation>现场反馈单</translation>
    </message>
    <message>
        <source>Feedback form (draft)</source>
        <translation>现场反馈单（草稿）</translation>
    </message>
    <message>
        <source>Save the round first (or select it in the list), then record its paper form.</source>
        <translation>请先保存告知记录（或在列表中选中），再登记其纸质反馈单。</translation>
    </message>
    <message>
        <source>Paper form recorded as collected.</source>
        <translation>已登记纸质反馈单收回。</translation>
    </message>
</context>
<context>
    <name>DisclosurePageForm</name>
    <message>
        <source>Disclosure checklist</source>
        <translation>告知清单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer's mobile number (or last 4 digits)</source>
        <translation>客户手机号（或后四位）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>告知环节</translation>
    </message>
    <message>
        <source>Find the customer and pick a unit to see the checklist.</source>
        <translation>查找客户并选择房号，即可看到告知清单。</translation>
    </message>
    <message>
        <source>Told</source>
        <translation>已告知</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Number / version</source>
        <translation>编号 / 版本</translation>
    </message>
    <message>
        <source>Rounds recorded for this customer and unit</source>
        <translation>该客户该房号的告知记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Paper form</source>
        <translation>纸质反馈单</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Courtesy message after the visit</source>
        <translation>客户离开后的温馨短信</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>复制短信</translation>
    </message>
    <message>
        <source>Customer's acknowledgement</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <source>Paper feedback form signed and collected</source>
        <translation>纸质反馈单已签字并收回</translation>
    </message>
    <message>
        <source>Correct the selected round…</source>
        <translation>更正所选记录…</translation>
    </message>
    <message>
        <source>Why is the earlier round corrected?</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Save round to the ledger</source>
        <translation>保存告知记录</translation>
    </message>
    <message>
        <source>The customer signed the paper form of the round selected in the list (or just saved)</source>
        <translation>客户已在列表所选（或刚保存）告知记录的纸质反馈单上签字</translation>
    </message>
    <message>
        <source>Paper form collected</source>
        <translation>纸质反馈单已收回</translation>
    </message>
    <message>
        <source>Subscription…</source>
        <translation>认购…</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up call</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Customer's mobile number</source>
        <translation>客户手机号</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>The customer confirms being told about:</source>
        <translation>客户确认已被告知：</translation>
    </message>
    <message>
        <source>the adverse factors of their unit</source>
        <translation>所购房源的红线内外不利因素</translation>
    </message>
    <message>
        <source>the sunshine declaration</source>
        <translation>阳光宣言</translation>
    </message>
    <message>
        <source>the five certificates</source>
        <translation>五证</translation>
    </message>
    <message>
        <source>the contract template</source>
        <translation>合同范本</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5 分）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save call</source>
        <translation>保存回访</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No registered customer with this number.</source>
        <translation>没有用此号码登记的客户。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <source>Customer signs here</source>
        <translation>请客户在此签名</translation>
    </message>
</context>
<context>
    <name>SubscriptionDialog</name>
    <message>
        <source>Subscription — %1</source>
        <translation>认购 —— %1</translation>
    </message>
    <message>
        <source>Checking the pre-deposit disclosure…</source>
        <translation>正在核对交定前告知…</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>成交总价</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Supervisor override (recorded in the ledger)</source>
        <translation>主管放行（记入告知记录）</translation>
    </message>
    <message>
        <source>Supervisor's PIN</source>
        <translation>主管 PIN</translation>
    </message>
    <message>
        <source>Why may the deposit be taken now?</source>
        <translation>为何现在可以收定？</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save subscription</source>
        <translation>保存认购</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This unit already has an active subscription.</source>
        <translation>该房源已有有效认购。</translation>
    </message>
    <message>
        <source>The pre-deposit round covered every item.</source>
        <translation>交定前告知已覆盖全部项目。</translation>
    </message>
</context>
</TS>