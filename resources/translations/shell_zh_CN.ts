<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FirstAdminForm</name>
    <message>
        <source>First start</source>
        <translation>首次启动</translation>
    </message>
    <message>
        <source>Welcome to SalesDesk</source>
        <translation>欢迎使用 SalesDesk 案场工作台</translation>
    </message>
    <message>
        <source>This database is empty. Create the administrator of this sales centre; the administrator then imports the project file from head office (or loads the demo project) and creates the staff accounts.</source>
        <translation>数据库为空。请先创建本售楼处的管理员；管理员随后导入总部下发的项目文件（或加载演示项目），并创建员工账号。</translation>
    </message>
    <message>
        <source>Sales centre name</source>
        <translation>售楼处名称</translation>
    </message>
    <message>
        <source>Administrator name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN（4 至 8 位数字）</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
</context>
<context>
    <name>FirstAdminScreen</name>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Senior consultant</source>
        <translation>资深置业顾问</translation>
    </message>
    <message>
        <source>Sales supervisor</source>
        <translation>销售主管</translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Sales director</source>
        <translation>营销总监</translation>
    </message>
    <message>
        <source>Customer-service specialist</source>
        <translation>客服专员</translation>
    </message>
    <message>
        <source>Substation / power room</source>
        <translation>变电站 / 配电房</translation>
    </message>
    <message>
        <source>Refuse station / collection point</source>
        <translation>垃圾站 / 垃圾收集点</translation>
    </message>
    <message>
        <source>Garage entrance ramp</source>
        <translation>地库出入口坡道</translation>
    </message>
    <message>
        <source>High-voltage line</source>
        <translation>高压线</translation>
    </message>
    <message>
        <source>Elevated road / expressway</source>
        <translation>高架路 / 快速路</translation>
    </message>
    <message>
        <source>Railway / rail transit</source>
        <translation>铁路 / 轨道交通</translation>
    </message>
    <message>
        <source>Flight path</source>
        <translation>航线</translation>
    </message>
    <message>
        <source>Factory / works</source>
        <translation>工厂 / 厂房</translation>
    </message>
    <message>
        <source>Odour</source>
        <translation>异味</translation>
    </message>
    <message>
        <source>Planned road</source>
        <translation>规划道路</translation>
    </message>
    <message>
        <source>Noise (school / hospital / market)</source>
        <translation>噪音（学校 / 医院 / 市场）</translation>
    </message>
    <message>
        <source>Pump room / plant room</source>
        <translation>水泵房 / 设备房</translation>
    </message>
    <message>
        <source>Building spacing</source>
        <translation>楼间距</translation>
    </message>
    <message>
        <source>Outdoor AC unit positions</source>
        <translation>空调外机位</translation>
    </message>
    <message>
        <source>Contaminated land</source>
        <translation>污染地块</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Consultant level</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Sales manager level</source>
        <translation>销售经理</translation>
    </message>
    <message>
        <source>Sales director level</source>
        <translation>销售总监</translation>
    </message>
    <message>
        <source>Customer-service centre</source>
        <translation>客服中心</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1、%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>SalesDesk</source>
        <translation>SalesDesk 案场工作台</translation>
    </message>
</context>
<context>
    <name>MessageSendPanel</name>
    <message>
        <source>Message text</source>
        <translation>短信内容</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>标记已发送</translation>
    </message>
    <message>
        <source>It did go out</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>It did not go out</source>
        <translation>未发出</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Reception</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>信息披露</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签约资料</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>稽核</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Reception figures</source>
        <translation>接待统计</translation>
    </message>
    <message>
        <source>Appointment no-shows</source>
        <translation>预约爽约统计</translation>
    </message>
    <message>
        <source>Owned by inactive staff</source>
        <translation>离职人员名下</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <source>Not available yet: check-in, rotation and the waiting queue arrive with the Reception capability.</source>
        <translation>尚未开放：来访登记、轮序和排队叫号将随“前台接待”功能上线。</translation>
    </message>
    <message>
        <source>Not available yet: visit and signing-slot bookings arrive with the Appointments capability.</source>
        <translation>尚未开放：到访预约和签约时段预约将随“预约”功能上线。</translation>
    </message>
    <message>
        <source>Not available yet: the disclosure checklist and ledger arrive with the Disclosure capability.</source>
        <translation>尚未开放：披露清单和披露记录将随“信息披露”功能上线。</translation>
    </message>
    <message>
        <source>Not available yet: signing-material checklists arrive with the Signing materials capability.</source>
        <translation>尚未开放：签约资料清单将随“签约资料”功能上线。</translation>
    </message>
    <message>
        <source>Not available yet: the supervisor&apos;s audit arrives with the Disclosure capability.</source>
        <translation>尚未开放：主管稽核将随“信息披露”功能上线。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Sent to %1</source>
        <translation>已发送到 %1</translation>
    </message>
    <message>
        <source>This computer has no print command (lp). The PDF is saved at %1: open it and print it from there.</source>
        <translation>本机没有打印命令（lp）。PDF 已保存在 %1，请打开后打印。</translation>
    </message>
    <message>
        <source>The printer refused the job: %1</source>
        <translation>打印机拒绝了打印任务：%1</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <source>Print notice board…</source>
        <translation>打印项目公示…</translation>
    </message>
    <message>
        <source>Sales control (销控)</source>
        <translation>销控表</translation>
    </message>
    <message>
        <source>Sunshine declaration</source>
        <translation>阳光宣言</translation>
    </message>
    <message>
        <source>Contract template</source>
        <translation>合同范本</translation>
    </message>
    <message>
        <source>Units for sale</source>
        <translation>可售房源</translation>
    </message>
    <message>
        <source>Subscribed or signed</source>
        <translation>已认购或签约</translation>
    </message>
    <message>
        <source>Not for sale (outside presale permits)</source>
        <translation>不可售（不在预售许可范围内）</translation>
    </message>
    <message>
        <source>Adverse factors disclosed</source>
        <translation>公示的不利因素</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>套数</translation>
    </message>
    <message>
        <source>Presale permit</source>
        <translation>预售许可</translation>
    </message>
    <message>
        <source>Covered: may be sold</source>
        <translation>已覆盖：可销售</translation>
    </message>
    <message>
        <source>Not covered: must not be sold</source>
        <translation>未覆盖：不得销售</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>户型</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>朝向</translation>
    </message>
    <message>
        <source>Build area m²</source>
        <translation>建筑面积 m²</translation>
    </message>
    <message>
        <source>Inner area m²</source>
        <translation>套内面积 m²</translation>
    </message>
    <message>
        <source>Price per m²</source>
        <translation>单价（元/m²）</translation>
    </message>
    <message>
        <source>Total price</source>
        <translation>总价</translation>
    </message>
    <message>
        <source>Units and prices</source>
        <translation>房源与价格</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证号</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Five certificates</source>
        <translation>五证</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Red line</source>
        <translation>红线</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>红线内</translation>
    </message>
    <message>
        <source>Outside</source>
        <translation>红线外</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>不利因素</translation>
    </message>
    <message>
        <source>Direction / distance</source>
        <translation>方位 / 距离</translation>
    </message>
    <message>
        <source>Affects</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>Contract annex</source>
        <translation>入合同附件</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Adverse factors</source>
        <translation>不利因素</translation>
    </message>
    <message>
        <source>For sale</source>
        <translation>可售</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>已认购</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <source>Not for sale</source>
        <translation>不可售</translation>
    </message>
    <message>
        <source>%1 · %2 · data version %3</source>
        <translation>%1 · %2 · 资料版本 %3</translation>
    </message>
    <message>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <source>%1 unit(s)</source>
        <translation>共 %1 套</translation>
    </message>
    <message>
        <source>Notice board</source>
        <translation>项目公示</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Project configuration from head office</source>
        <translation>总部项目资料</translation>
    </message>
    <message>
        <source>Import the project file head office sent (JSON). An invalid file is rejected whole: nothing is half-imported. A changed text becomes a new version; older versions stay, because disclosure records point at them.</source>
        <translation>导入总部下发的项目文件（JSON）。文件有误时整体拒绝，不会导入一半。文本有改动时新增一个版本，旧版本保留，因为披露记录引用着它们。</translation>
    </message>
    <message>
        <source>Import project file…</source>
        <translation>导入项目文件…</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>代理公司</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>熟手</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Enable / disable selected account</source>
        <translation>启用 / 停用所选账号</translation>
    </message>
    <message>
        <source>Experienced consultant (senior rotation)</source>
        <translation>熟手置业顾问（熟手轮序）</translation>
    </message>
    <message>
        <source>Staff code</source>
        <translation>员工编号</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>工作电话</translation>
    </message>
    <message>
        <source>Initial PIN</source>
        <translation>初始 PIN</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Interface language on this device</source>
        <translation>本机界面语言</translation>
    </message>
    <message>
        <source>Sign out after this many idle minutes (0: never)</source>
        <translation>无操作多少分钟后自动退出登录（0 为不退出）</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Verify database</source>
        <translation>校验数据库</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Senior consultant</source>
        <translation>资深置业顾问</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>销售主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Sales director</source>
        <translation>营销总监</translation>
    </message>
    <message>
        <source>Customer-service specialist</source>
        <translation>客服专员</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <source>Project files (*.json)</source>
        <translation>项目文件 (*.json)</translation>
    </message>
    <message>
        <source>Imported %1: %2 new units, %3 changed units, %4 new text versions, %5 new staff.</source>
        <translation>已导入 %1：新增房源 %2 套，更新房源 %3 套，新增文本版本 %4 个，新增员工 %5 人。</translation>
    </message>
    <message>
        <source>Verification passed.</source>
        <translation>校验通过。</translation>
    </message>
    <message>
        <source>Verification FAILED: see the lines marked ✘.</source>
        <translation>校验未通过：请查看标有 ✘ 的行。</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sales centre</source>
        <translation>售楼处</translation>
    </message>
    <message>
        <source>Tap your name, then enter your PIN.</source>
        <translation>请点选您的姓名，然后输入 PIN。</translation>
    </message>
    <message>
        <source>Search by name or staff code</source>
        <translation>按姓名或员工编号搜索</translation>
    </message>
    <message>
        <source>Nobody selected</source>
        <translation>未选择员工</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Sales centre</source>
        <translation>售楼处</translation>
    </message>
    <message>
        <source>Nobody selected</source>
        <translation>未选择员工</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>置业顾问</translation>
    </message>
    <message>
        <source>Senior consultant</source>
        <translation>资深置业顾问</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>销售主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Sales director</source>
        <translation>营销总监</translation>
    </message>
    <message>
        <source>Customer-service specialist</source>
        <translation>客服专员</translation>
    </message>
    <message>
        <source>Tap your name first.</source>
        <translation>请先点选您的姓名。</translation>
    </message>
</context>
<context>
    <name>UnitGrid</name>
    <message>
        <source>For sale</source>
        <translation>可售</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>已认购</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation>不可售（开发商保留）</translation>
    </message>
    <message>
        <source>Not for sale (no presale permit)</source>
        <translation>不可售（无预售证）</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
</context>
<context>
    <name>UnitGridDialog</name>
    <message>
        <source>Sales-control grid</source>
        <translation>销控表</translation>
    </message>
    <message>
        <source>Tap a unit to pick it. The colour is its sale status.</source>
        <translation>点选房号即可选中；颜色表示销售状态。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>Unit number, building or layout</source>
        <translation>房号、楼栋或户型</translation>
    </message>
    <message>
        <source>Grid…</source>
        <translation>销控…</translation>
    </message>
    <message>
        <source>Pick the unit on the sales-control grid</source>
        <translation>在销控表上选择房号</translation>
    </message>
    <message>
        <source>No unit matches “%1”.</source>
        <translation>没有与“%1”相符的房号。</translation>
    </message>
    <message>
        <source>“%1” matches %2 units (%3): pick one from the list.</source>
        <translation>“%1”对应 %2 套房（%3），请从列表中选择一套。</translation>
    </message>
    <message>
        <source>%1 The unit stays %2.</source>
        <translation>%1房号仍为 %2。</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>SalesDesk</source>
        <translation>SalesDesk 案场工作台</translation>
    </message>
</context>
</TS>
