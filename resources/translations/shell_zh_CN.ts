<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Pages</name>
    <message>
        <source>Reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet: check-in, rotation and the waiting queue arrive with the Reception capability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet: visit and signing-slot bookings arrive with the Appointments capability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet: the disclosure checklist and ledger arrive with the Disclosure capability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet: signing-material checklists arrive with the Signing materials capability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet: the supervisor&apos;s audit arrives with the Disclosure capability.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
