<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddPhoneDialog</name>
    <message>
        <source>Add a number</source>
        <translation>添加号码</translation>
    </message>
    <message>
        <source>A spouse&apos;s or second number: a visitor giving it is this customer, with the same owner.</source>
        <translation>配偶或第二个号码：来访者报此号码即为本客户，归属同一置业顾问。</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Customer&apos;s own</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>号码归属</translation>
    </message>
</context>
<context>
    <name>CustomerLabels</name>
    <message>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Being received</source>
        <translation>接待中</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>暂离</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未到访</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到访</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>看房</translation>
    </message>
    <message>
        <source>own</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Mobile number, its last 4 digits, a name or a ticket (A031)</source>
        <translation>手机号、后四位、姓名或排队号（A031）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find a customer to see their record.</source>
        <translation>查找客户以查看其档案。</translation>
    </message>
    <message>
        <source>Disclosure round</source>
        <translation>告知确认</translation>
    </message>
    <message>
        <source>Materials checklist</source>
        <translation>签约资料清单</translation>
    </message>
    <message>
        <source>Book a signing slot</source>
        <translation>预约签约</translation>
    </message>
    <message>
        <source>Add a number</source>
        <translation>添加号码</translation>
    </message>
    <message>
        <source>Change the owner</source>
        <translation>变更归属</translation>
    </message>
    <message>
        <source>Export for the customer</source>
        <translation>为客户导出数据</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Export all the data (JSON and PDF)…</source>
        <translation>导出全部资料（JSON 和 PDF）…</translation>
    </message>
    <message>
        <source>No customer found. New customers are registered at reception.</source>
        <translation>未找到客户。新客户请在前台登记。</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source> · backup %1</source>
        <translation> · 备岗 %1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>归属顾问：%1</translation>
    </message>
    <message>
        <source>This is %1&apos;s customer, not yours.</source>
        <translation>这是 %1 的客户，不是您的客户。</translation>
    </message>
    <message>
        <source>Personal data erased: only a pseudonym is kept.</source>
        <translation>个人信息已删除：仅保留化名。</translation>
    </message>
    <message>
        <source>Processing restricted: no messages, hidden from search.</source>
        <translation>已限制处理：不发信息，搜索不显示。</translation>
    </message>
    <message>
        <source>Consent withdrawn: no messages are sent.</source>
        <translation>客户已撤回同意：不再发送任何信息。</translation>
    </message>
    <message>
        <source>Not erased: %1. Processing is restricted instead.</source>
        <translation>未删除：%1。已改为限制处理。</translation>
    </message>
    <message>
        <source>Export the customer&apos;s data</source>
        <translation>导出客户数据</translation>
    </message>
    <message>
        <source>Saved %1 and its PDF summary.</source>
        <translation>已保存 %1 及其 PDF 摘要。</translation>
    </message>
    <message>
        <source>Customer summary</source>
        <translation>客户资料摘要</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase the customer&apos;s personal data</source>
        <translation>删除客户个人信息</translation>
    </message>
    <message>
        <source>Name, numbers, ID number, notes, message texts and what staff wrote about the customer (complaints, escalations, visit and appointment notes) are erased here, at head office and on every device; a pseudonym keeps the disclosure ledger and figures whole. While a subscription or signing is open, processing is restricted instead.</source>
        <translation>姓名、号码、身份证号、备注、短信内容以及员工记录的有关该客户的文字（投诉、回访升级、来访和预约备注）将在本机、总部及所有设备上删除；以化名保留，告知台账和统计数据保持完整。客户有未结束的认购或签约时，改为限制处理。</translation>
    </message>
    <message>
        <source>e.g. the customer&apos;s written request of 12-01</source>
        <translation>例如：客户 12-01 的书面申请</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Change the owner</source>
        <translation>变更归属</translation>
    </message>
    <message>
        <source>The customer&apos;s history keeps who owned them before, who decided and why.</source>
        <translation>客户档案会保留原归属顾问、决定人和原因。</translation>
    </message>
    <message>
        <source>e.g. first registered by the agency&apos;s consultant on 11-02</source>
        <translation>例如：11-02 由渠道顾问首次登记</translation>
    </message>
    <message>
        <source>New owner</source>
        <translation>新归属顾问</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RecordTabs</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>排队号</translation>
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
        <source>First visit</source>
        <translation>首访</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>复访</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Units of interest</source>
        <translation>意向房号</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Items covered</source>
        <translation>已告知项</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>总价</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>签约台</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原归属</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新归属</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>告知</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>认购</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>签约资料</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Score cards</source>
        <translation>评分卡</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Owner history</source>
        <translation>归属记录</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
