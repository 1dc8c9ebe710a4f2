<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChecklistTree</name>
    <message>
        <source>Material</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Original / copies</source>
        <translation>原件 / 复印件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Subscription stage</source>
        <translation>认购阶段</translation>
    </message>
    <message>
        <source>Signing stage</source>
        <translation>签约阶段</translation>
    </message>
    <message>
        <source>Mortgage stage</source>
        <translation>按揭阶段</translation>
    </message>
</context>
<context>
    <name>InterviewForm</name>
    <message>
        <source>Local household</source>
        <translation>本市户籍</translation>
    </message>
    <message>
        <source>Non-local household</source>
        <translation>非本市户籍</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>已婚</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>未婚</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>离异</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>丧偶</translation>
    </message>
    <message>
        <source>Mainland</source>
        <translation>内地居民</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港居民</translation>
    </message>
    <message>
        <source>Macau</source>
        <translation>澳门居民</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>台湾居民</translation>
    </message>
    <message>
        <source>Foreign national</source>
        <translation>外籍人士</translation>
    </message>
    <message>
        <source>Full payment</source>
        <translation>全款</translation>
    </message>
    <message>
        <source>Commercial loan</source>
        <translation>商业贷款</translation>
    </message>
    <message>
        <source>Housing-fund loan</source>
        <translation>公积金贷款</translation>
    </message>
    <message>
        <source>Combined loan</source>
        <translation>组合贷款</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>本人签约</translation>
    </message>
    <message>
        <source>By proxy</source>
        <translation>委托代理人签约</translation>
    </message>
    <message>
        <source>18–35</source>
        <translation>18–35 岁</translation>
    </message>
    <message>
        <source>36–50</source>
        <translation>36–50 岁</translation>
    </message>
    <message>
        <source>51–60</source>
        <translation>51–60 岁</translation>
    </message>
    <message>
        <source>Over 60</source>
        <translation>60 岁以上</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Minor child</source>
        <translation>未成年子女</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>尚未选定</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户籍</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Co-owners</source>
        <translation>共有人</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation>签约方式</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Homes owned in the city</source>
        <translation>本市已有住房（套）</translation>
    </message>
    <message>
        <source>Save and build the checklist</source>
        <translation>保存并生成资料清单</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <source>Customer's mobile number</source>
        <translation>客户手机号</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Print tomorrow's checklists…</source>
        <translation>打印明日签约清单…</translation>
    </message>
    <message>
        <source>Find a customer to start the interview.</source>
        <translation>输入客户手机号查找客户，开始问答。</translation>
    </message>
    <message>
        <source>Buyer profile (one minute)</source>
        <translation>购房人情况（一分钟问答）</translation>
    </message>
    <message>
        <source>Signing day: show only what is missing</source>
        <translation>签约日：只看未收资料</translation>
    </message>
    <message>
        <source>Material checklist</source>
        <translation>签约资料清单</translation>
    </message>
    <message>
        <source>Mortgage material list</source>
        <translation>按揭资料清单</translation>
    </message>
    <message>
        <source>Signing flow sheet</source>
        <translation>签约流程单</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Note printed on the checklist (e.g. bring the spouse's original ID)</source>
        <translation>打印在清单上的备注（如：请携带配偶身份证原件）</translation>
    </message>
    <message>
        <source>Signing materials</source>
        <translation>签约资料</translation>
    </message>
    <message>
        <source>Recent checklists…</source>
        <translation>最近的资料清单…</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>未收 %1 项</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已收齐</translation>
    </message>
    <message>
        <source>Customer: %1  %2</source>
        <translation>客户：%1  %2</translation>
    </message>
    <message>
        <source>No checklist yet: answer the interview and save.</source>
        <translation>尚无资料清单：请完成左侧问答并保存。</translation>
    </message>
    <message>
        <source>Unit %1 · consultant %2 · rules: %3</source>
        <translation>房号 %1 · 置业顾问 %2 · 规则：%3</translation>
    </message>
    <message>
        <source>Open follow-up escalation: resolve it before signing</source>
        <translation>回访升级未关闭：请在签约前处理完毕</translation>
    </message>
    <message>
        <source>Still missing: %1 of %2</source>
        <translation>未收 %1 / 共 %2 项</translation>
    </message>
    <message>
        <source>All materials received</source>
        <translation>资料已收齐</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
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
        <source>Folder for tomorrow's checklists</source>
        <translation>选择明日签约清单的保存文件夹</translation>
    </message>
    <message>
        <source>Preparing tomorrow's checklists…</source>
        <translation>正在准备明日签约资料清单…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Print tomorrow's checklists</source>
        <translation>打印明日签约清单</translation>
    </message>
    <message>
        <source>%1 checklists for %2 saved in %3.</source>
        <translation>已生成 %2 的签约资料清单 %1 份，保存在 %3。</translation>
    </message>
    <message>
        <source>Sent to the default printer.</source>
        <translation>已发送到默认打印机。</translation>
    </message>
    <message>
        <source>No checklist yet for: %1</source>
        <translation>以下客户尚无资料清单：%1</translation>
    </message>
    <message>
        <source>Cancelled. Checklists already written stay in %1.</source>
        <translation>已取消。已生成的清单保留在 %1。</translation>
    </message>
</context>
</TS>