<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppointmentFiguresWidget</name>
    <message>
        <source>Appointment no-shows per consultant and week</source>
        <translation>各置业顾问每周预约爽约情况</translation>
    </message>
    <message>
        <source>No-shows / appointments due (arrived, completed or no-show); cancellations in brackets.</source>
        <translation>爽约数 / 应到数（已到访、已完成或未到访）；括号内为取消数。</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 当周</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>AppointmentLabels</name>
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
        <source>No-show</source>
        <translation>未到访</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Desk conflict: move or cancel</source>
        <translation>签约台冲突：请改期或取消</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>到访</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Result unknown</source>
        <translation>结果待核实</translation>
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
        <source>Desk %1</source>
        <translation>%1 号签约台</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Book visit</source>
        <translation>预约到访</translation>
    </message>
    <message>
        <source>Book signing</source>
        <translation>预约签约</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>This day and desk roster…</source>
        <translation>当天安排与值班…</translation>
    </message>
    <message>
        <source>Centre settings…</source>
        <translation>签约中心设置…</translation>
    </message>
    <message>
        <source>Signing board</source>
        <translation>签约看板</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>预约提醒</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
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
        <source>No-show</source>
        <translation>未到访</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>取消预约…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Export .ics</source>
        <translation>导出日历 (.ics)</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
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
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Desk / unit</source>
        <translation>签约台 / 房号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部顾问</translation>
    </message>
    <message>
        <source>%1 · %2 appointments (%3 visits, %4 signings)</source>
        <translation>%1 · 共 %2 个预约（到访 %3，签约 %4）</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>BookSigningDialog</name>
    <message>
        <source>Book a signing slot</source>
        <translation>预约签约时段</translation>
    </message>
    <message>
        <source>Mobile number or its last 4 digits</source>
        <translation>手机号或手机号后四位</translation>
    </message>
    <message>
        <source>e.g. 1203 or 1-1203 (optional)</source>
        <translation>例如 1203 或 1-1203（选填）</translation>
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
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Closed that day</source>
        <translation>当天不开放</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 desks free</source>
        <translation>%1 · 空闲 %2 / %3 台</translation>
    </message>
    <message>
        <source>%1 (%2 free)</source>
        <translation>%1（余 %2 台）</translation>
    </message>
</context>
<context>
    <name>BookVisitDialog</name>
    <message>
        <source>Book a visit</source>
        <translation>预约到访</translation>
    </message>
    <message>
        <source>Mobile number or its last 4 digits</source>
        <translation>手机号或手机号后四位</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
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
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>预约</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Why (kept in the history)</source>
        <translation>原因（将记入变更记录）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留预约</translation>
    </message>
</context>
<context>
    <name>CentreSettingsDialog</name>
    <message>
        <source>Signing centre and booking rules</source>
        <translation>签约中心与预约规则</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>开门时间</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>关门时间</translation>
    </message>
    <message>
        <source>Slot length</source>
        <translation>时段长度</translation>
    </message>
    <message>
        <source>Desks per slot</source>
        <translation>每时段签约台数</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>每周休息日</translation>
    </message>
    <message>
        <source>Minimum notice</source>
        <translation>最少提前</translation>
    </message>
    <message>
        <source>Booking window</source>
        <translation>可预约天数</translation>
    </message>
    <message>
        <source>Buffer between a consultant's appointments</source>
        <translation>同一顾问预约间隔</translation>
    </message>
    <message>
        <source>Visits from</source>
        <translation>到访预约开始</translation>
    </message>
    <message>
        <source>Visits until</source>
        <translation>到访预约结束</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <source>Signing centre on %1</source>
        <translation>签约中心 %1</translation>
    </message>
    <message>
        <source>Closed (holiday)</source>
        <translation>不开放（节假日）</translation>
    </message>
    <message>
        <source>e.g. opening day, extra desks</source>
        <translation>例如：开盘日加开签约台</translation>
    </message>
    <message>
        <source>Desks</source>
        <translation>签约台数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Desk roster</source>
        <translation>签约台值班</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>签约台</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RemindersView</name>
    <message>
        <source>Appointments on</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <source>Queue all reminders</source>
        <translation>全部加入待发送</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
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
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Copy or print the text, send it to the customer from your phone, then press Mark sent. A reminder is never sent twice.</source>
        <translation>复制或打印提醒内容，用手机发给客户后点击“标记为已发送”。同一条提醒不会重复发送。</translation>
    </message>
    <message>
        <source>%1 appointments · %2 reminded · %3 need attention</source>
        <translation>共 %1 个预约 · 已提醒 %2 · 待处理 %3</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>新日期</translation>
    </message>
    <message>
        <source>New slot</source>
        <translation>新时段</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>新时间</translation>
    </message>
    <message>
        <source>Why (kept in the history)</source>
        <translation>原因（将记入变更记录）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Closed that day</source>
        <translation>当天不开放</translation>
    </message>
</context>
<context>
    <name>SigningBoard</name>
    <message>
        <source>The signing centre is closed on %1</source>
        <translation>签约中心 %1 不开放</translation>
    </message>
    <message>
        <source>%1 · open %2–%3 · %4-minute slots · %5 desks · %6 of %7 booked</source>
        <translation>%1 · 开放 %2–%3 · 每时段 %4 分钟 · %5 个签约台 · 已约 %6 / %7</translation>
    </message>
    <message>
        <source>Desk roster: </source>
        <translation>签约台值班：</translation>
    </message>
    <message>
        <source>nobody rostered</source>
        <translation>未安排值班</translation>
    </message>
    <message>
        <source>no staff</source>
        <translation>无人值班</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>no staff rostered</source>
        <translation>未安排值班人员</translation>
    </message>
    <message>
        <source>Free — double-click to book. Desk staff: %1</source>
        <translation>空闲——双击预约。值班：%1</translation>
    </message>
    <message>
        <source>Consultant: %1</source>
        <translation>置业顾问：%1</translation>
    </message>
    <message>
        <source>Desk staff: %1</source>
        <translation>值班：%1</translation>
    </message>
</context>
<context>
    <name>_BaseDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>