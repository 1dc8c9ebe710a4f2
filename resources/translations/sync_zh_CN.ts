<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>When two devices changed the same thing offline, the losing value is kept here until a supervisor decides. Nothing is dropped.</source>
        <translation>两台设备离线时修改了同一内容：落选的值保留在这里，由主管决定，任何数据都不会丢弃。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kept (lost) value</source>
        <translation>保留的落选值</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Free alternatives</source>
        <translation>可选空闲时段</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>No conflicts need attention.</source>
        <translation>没有需要处理的冲突。</translation>
    </message>
    <message>
        <source>Keep current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <source>Use kept value</source>
        <translation>采用落选值</translation>
    </message>
    <message>
        <source>Move booking to this slot</source>
        <translation>改约到此时段</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>已知悉</translation>
    </message>
    <message>
        <source>Try to apply again</source>
        <translation>重新尝试应用</translation>
    </message>
    <message>
        <source>Merge into the first registration</source>
        <translation>合并至先登记的客户</translation>
    </message>
    <message>
        <source>Moves the later customer's visits, rounds, subscriptions, appointments, tasks and numbers to the customer registered first, and records it in the attribution history</source>
        <translation>把后登记客户的来访、告知记录、认购、预约、回访任务和号码并入先登记的客户，并记入判客记录</translation>
    </message>
    <message>
        <source>%1 (%2 free)</source>
        <translation>%1（余 %2 个）</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Conflicts</source>
        <translation>同步冲突</translation>
    </message>
</context>
<context>
    <name>SaleConflictPanel</name>
    <message>
        <source>Only a sales supervisor decides which sale gives way.</source>
        <translation>只有销售主管可以决定哪一笔认购让出房号。</translation>
    </message>
    <message>
        <source>Cancel the losing subscription (refund the deposit)</source>
        <translation>撤销后到的认购（退还定金）</translation>
    </message>
    <message>
        <source>Move that customer to this unit</source>
        <translation>将该客户改认购此房号</translation>
    </message>
    <message>
        <source>Override reason, only if the new unit's factors were not disclosed before the deposit</source>
        <translation>主管放行原因（仅当新房号的不利因素尚未在交定前告知时填写）</translation>
    </message>
    <message>
        <source>Pick the unit to move that customer to.</source>
        <translation>请选择要将该客户换到的房号。</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>The same field changed on two devices</source>
        <translation>同一字段被两台设备同时修改</translation>
    </message>
    <message>
        <source>Customer ownership: the first registration counts</source>
        <translation>判客：以先登记者为准</translation>
    </message>
    <message>
        <source>Signing slot full</source>
        <translation>签约时段已满</translation>
    </message>
    <message>
        <source>Disclosure record content differs (possible tampering)</source>
        <translation>披露记录内容不一致（疑似篡改）</translation>
    </message>
    <message>
        <source>Sync data this device cannot apply (kept, retried at every sync)</source>
        <translation>本机无法应用的同步数据（已暂存，每次同步自动重试）</translation>
    </message>
    <message>
        <source>Disclosure record chain forked (refused by head office)</source>
        <translation>告知记录链分叉（总部已拒收）</translation>
    </message>
    <message>
        <source>Disclosure record hash mismatch (refused by head office)</source>
        <translation>告知记录哈希不符（总部已拒收）</translation>
    </message>
    <message>
        <source>Disclosure record chain broken (refused by head office)</source>
        <translation>告知记录链不衔接（总部已拒收）</translation>
    </message>
    <message>
        <source>Same phone registered twice: to be merged into the first customer</source>
        <translation>同一手机号重复登记：待合并至先登记的客户</translation>
    </message>
    <message>
        <source>This device's change refused by head office (invalid data, not synced)</source>
        <translation>总部拒收的本机修改（数据不合规，未同步）</translation>
    </message>
    <message>
        <source>One unit subscribed in two places: the first to reach head office counts</source>
        <translation>同一房号两处认购：以总部先收到者为准</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync: …</source>
        <translation>同步：…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Not connected to head office · %1 change(s) kept on this device</source>
        <translation>未连接总部 · %1 条修改保存在本机</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last synced %1 · %2 pending</source>
        <translation>上次同步 %1 · 待上传 %2 条</translation>
    </message>
    <message>
        <source>clock off by %1 min</source>
        <translation>时钟偏差 %1 分钟</translation>
    </message>
    <message>
        <source>re-enrol this device</source>
        <translation>需重新登记本设备</translation>
    </message>
    <message>
        <source>offline, retrying</source>
        <translation>离线，自动重试中</translation>
    </message>
    <message>
        <source>%1 conflict(s) to resolve</source>
        <translation>%1 条冲突待处理</translation>
    </message>
</context>
</TS>