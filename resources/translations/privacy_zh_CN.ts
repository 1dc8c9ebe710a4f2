<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExportsTab</name>
    <message>
        <source>Every PDF or CSV with customer data that left this computer.</source>
        <translation>从本机导出、打印或保存的每一份含客户信息的 PDF 或 CSV。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>One customer's data (at their request)</source>
        <translation>单个客户的全部资料（应客户要求）</translation>
    </message>
    <message>
        <source>Satisfaction report</source>
        <translation>满意度报告</translation>
    </message>
    <message>
        <source>Disclosure audit report</source>
        <translation>告知审计报告</translation>
    </message>
    <message>
        <source>On-site feedback form</source>
        <translation>现场反馈单</translation>
    </message>
    <message>
        <source>On-site feedback form (blank draft)</source>
        <translation>现场反馈单（空白草稿）</translation>
    </message>
    <message>
        <source>Signing checklist</source>
        <translation>签约资料清单</translation>
    </message>
    <message>
        <source>Mortgage materials list</source>
        <translation>按揭资料清单</translation>
    </message>
    <message>
        <source>Signing flow sheet</source>
        <translation>签约流程单</translation>
    </message>
    <message>
        <source>Signing checklists of a day</source>
        <translation>当天全部签约资料清单</translation>
    </message>
    <message>
        <source>Appointment for a calendar (.ics)</source>
        <translation>预约日历文件（.ics）</translation>
    </message>
</context>
</TS>