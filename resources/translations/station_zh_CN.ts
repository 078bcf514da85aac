<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="72"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="192"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="206"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../station_app/ui/shared/application.py" line="157"/>
        <source>Smart Employment Station</source>
        <translation>智慧就业驿站</translation>
    </message>
</context>
<context>
    <name>AssistancePlanSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="129"/>
        <source>One-on-one assistance</source>
        <translation>一对一帮扶</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="133"/>
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="134"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="135"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="136"/>
        <source>Goals</source>
        <translation>帮扶目标</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="137"/>
        <source>Latest step</source>
        <translation>最近措施</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="158"/>
        <source>No assistance plan yet.</source>
        <translation>尚未制定帮扶计划。</translation>
    </message>
</context>
<context>
    <name>BackgroundSave</name>
    <message>
        <location filename="../../station_app/ui/shared/background_save.py" line="37"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../station_app/ui/shared/printing/batch_print.py" line="95"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/batch_print.py" line="152"/>
        <location filename="../../station_app/ui/shared/printing/batch_print.py" line="166"/>
        <source>Printing stopped</source>
        <translation>打印已停止</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/batch_print.py" line="175"/>
        <source>Printing: {done} of {total} documents printed</source>
        <translation>正在打印：已打印 {done} / {total} 份</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/batch_print.py" line="184"/>
        <source>Cancelled: {done} of {total} documents were printed.</source>
        <translation>已取消：共 {total} 份，已打印 {done} 份。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/batch_print.py" line="186"/>
        <source>Stopped: {done} of {total} documents were printed.</source>
        <translation>已停止：共 {total} 份，已打印 {done} 份。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/batch_print.py" line="188"/>
        <source>Done: all {total} documents were printed.</source>
        <translation>完成：{total} 份已全部打印。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/batch_print.py" line="190"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BundleSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="67"/>
        <source>1-3-1 service bundle</source>
        <translation>“1-3-1”服务包</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="80"/>
        <source>{done} of {wanted}</source>
        <translation>已完成 {done}/{wanted}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="82"/>
        <source>{count}, complete</source>
        <translation>{count}，已完成</translation>
    </message>
</context>
<context>
    <name>CallListDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="83"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="84"/>
        <source>Sex, age</source>
        <translation>性别、年龄</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="85"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="86"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="87"/>
        <source>Status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="88"/>
        <source>Why they fit</source>
        <translation>匹配理由</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="89"/>
        <source>Told on</source>
        <translation>告知日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="105"/>
        <source>Told about the job (Ctrl+I)</source>
        <translation>已告知岗位（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="108"/>
        <source>Records that the selected resident was told about this job</source>
        <translation>记录已将此岗位信息告知所选居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="110"/>
        <source>Refer and print slips… (Ctrl+R)</source>
        <translation>推荐并打印推荐信…（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="113"/>
        <source>Refers the selected residents to this job and prints their slips</source>
        <translation>将所选居民推荐到此岗位并打印推荐信</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="119"/>
        <source>Print the call list… (Ctrl+P)</source>
        <translation>打印通知名单…（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="121"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="122"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="144"/>
        <source>Residents who fit: {title}</source>
        <translation>岗位匹配人员：{title}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="174"/>
        <source>Call list: {title}</source>
        <translation>通知名单：{title}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="188"/>
        <source>Export the call list</source>
        <translation>导出通知名单</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="190"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="207"/>
        <source>Exported {count} resident(s) to {file}.</source>
        <translation>已将 {count} 位居民导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="224"/>
        <source>{sex}, {age}</source>
        <translation>{sex}，{age} 岁</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="235"/>
        <source>%n resident(s) fit this job</source>
        <translation>
            <numerusform>%n 位居民符合此岗位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="287"/>
        <source>Referred: %n resident(s).</source>
        <translation>
            <numerusform>已推荐 %n 位居民。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="290"/>
        <source>Not referred: {reasons}</source>
        <translation>未推荐：{reasons}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="332"/>
        <source>Recorded: {names} told about the job.</source>
        <translation>已记录：已将岗位信息告知{names}。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/call_list_dialog.py" line="344"/>
        <source>Nothing was saved. {reason}</source>
        <translation>未保存。{reason}</translation>
    </message>
</context>
<context>
    <name>CardAtCounter</name>
    <message>
        <location filename="../../station_app/ui/counter/card_reader.py" line="84"/>
        <source>Read ID card</source>
        <translation>读取身份证</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/card_reader.py" line="121"/>
        <source>Card read: {name} is not registered yet.</source>
        <translation>已读取身份证：{name} 尚未登记。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/password_dialog.py" line="34"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/password_dialog.py" line="35"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/password_dialog.py" line="36"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/password_dialog.py" line="38"/>
        <source>Change the password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/password_dialog.py" line="44"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/password_dialog.py" line="60"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="325"/>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="326"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="328"/>
        <source>Choose the role of {name} ({username}).</source>
        <translation>请选择 {name}（{username}）的角色。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="334"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="63"/>
        <source>Record a contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="66"/>
        <source>Reading the resident…</source>
        <translation>正在读取居民信息…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="84"/>
        <source>What was said, what the resident needs</source>
        <translation>沟通内容、居民需求</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="87"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="93"/>
        <source>Channel</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="94"/>
        <source>Outcome</source>
        <translation>联系结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="95"/>
        <source>Date</source>
        <translation>联系日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="96"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="97"/>
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="124"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; · {status}{groups}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · {status}{groups}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="130"/>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="131"/>
        <source>no date</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="137"/>
        <source>No contact rule applies.</source>
        <translation>没有适用的定期联系规则</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="140"/>
        <source>{rule}. Last contact: {last}; due: {due}.</source>
        <translation>{rule}。上次联系：{last}；应联系日期：{due}。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/contact_dialog.py" line="197"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../station_app/ui/shared/application.py" line="208"/>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/application.py" line="210"/>
        <source>Something went wrong inside the program. Your saved data is safe; the last action may not have been completed.</source>
        <translation>程序内部出现错误。已保存的数据不受影响，但刚才的操作可能没有完成。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/application.py" line="218"/>
        <source>Please tell the technical support. The details are in the log file:
{path}</source>
        <translation>请联系技术支持。详细信息已记录在日志文件中：
{path}</translation>
    </message>
</context>
<context>
    <name>CreateUserDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="242"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="243"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="251"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="252"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="253"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="254"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="255"/>
        <source>Password again:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="258"/>
        <source>The user logs in with this user name and password. Tell them the password in person.</source>
        <translation>该用户将使用此用户名和密码登录。请当面告知其密码。</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <location filename="../../station_app/ui/shared/dialog_buttons.py" line="20"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EmployerFields</name>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="58"/>
        <source>18 digits and capital letters</source>
        <translation>18 位数字和大写字母</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="63"/>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="69"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="71"/>
        <source>{name} ({street})</source>
        <translation>{name}（{street}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="73"/>
        <source>Known</source>
        <translation>填写</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="80"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="83"/>
        <source>The official who looks after this employer</source>
        <translation>负责联系服务该单位的干部</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="84"/>
        <source>On the whitelist of key enterprises</source>
        <translation>列入重点企业白名单</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="94"/>
        <source>Employer</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="97"/>
        <source>Employer name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="99"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="100"/>
        <source>Employer type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="101"/>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="102"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="103"/>
        <source>Community</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="108"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="110"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="112"/>
        <source>Location</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="114"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="117"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="119"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="120"/>
        <source>Liaison officer</source>
        <translation>包保责任人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/fields.py" line="121"/>
        <source>Key enterprise</source>
        <translation>重点企业</translation>
    </message>
</context>
<context>
    <name>EmployerFormDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/employers/form.py" line="52"/>
        <source>Register an employer</source>
        <translation>登记用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/form.py" line="70"/>
        <source>This employer no longer exists.</source>
        <translation>该单位已不存在。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/form.py" line="73"/>
        <source>Edit employer: {name}</source>
        <translation>修改用人单位：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/form.py" line="65"/>
        <source>An employer with this credit code is already registered.</source>
        <translation>该统一社会信用代码已登记过用人单位。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/form.py" line="69"/>
        <source>This employer no longer exists. Nothing was saved.</source>
        <translation>该单位已不存在，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>EmployerLedgerDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="78"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="78"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="80"/>
        <source>Key enterprise (whitelist)</source>
        <translation>重点企业（白名单）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="81"/>
        <source>Liaison</source>
        <translation>包保责任人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="81"/>
        <source>None named</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="82"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="85"/>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="85"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="85"/>
        <source>Filled / posts</source>
        <translation>已招 / 招聘</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="85"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="88"/>
        <source>Register a job for this employer</source>
        <translation>为该单位登记岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="95"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="96"/>
        <source>Channel</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="97"/>
        <source>Person</source>
        <translation>对接人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="98"/>
        <source>Note</source>
        <translation>联系内容</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="99"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="112"/>
        <source>With whom</source>
        <translation>对接人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="115"/>
        <source>What was discussed (demand, policies, problems)</source>
        <translation>联系内容（用工需求、政策、困难等）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="116"/>
        <source>Record the contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="130"/>
        <source>Jobs</source>
        <translation>岗位归集</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="137"/>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="141"/>
        <source>Jobs and contacts: {name}</source>
        <translation>岗位与联系记录：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/ledger_dialog.py" line="217"/>
        <source>The contact is recorded.</source>
        <translation>联系记录已保存。</translation>
    </message>
</context>
<context>
    <name>EmployerTableModel</name>
    <message>
        <location filename="../../station_app/ui/counter/employers/table_model.py" line="31"/>
        <source>Employer name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/table_model.py" line="32"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/table_model.py" line="35"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/table_model.py" line="36"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/table_model.py" line="37"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/table_model.py" line="38"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/table_model.py" line="39"/>
        <source>Key enterprise</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/table_model.py" line="98"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/table_model.py" line="104"/>
        <source>On the whitelist of key enterprises</source>
        <translation>已列入重点企业白名单</translation>
    </message>
</context>
<context>
    <name>EmployersPage</name>
    <message>
        <location filename="../../station_app/ui/counter/employers/page.py" line="46"/>
        <source>Part of the name, its pinyin or of the credit code</source>
        <translation>名称、拼音或统一社会信用代码的一部分</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/page.py" line="48"/>
        <source>Register an employer</source>
        <translation>登记用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/page.py" line="51"/>
        <source>Jobs and contacts</source>
        <translation>岗位与联系记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/employers/page.py" line="76"/>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/employers/page.py" line="106"/>
        <source>%n employer(s)</source>
        <translation>
            <numerusform>共 %n 家</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/employers/page.py" line="108"/>
        <source>First {shown} of %n shown; type more to narrow the search</source>
        <translation>
            <numerusform>共 %n 家，仅显示前 {shown} 家；请输入更多内容缩小范围</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmploymentSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="119"/>
        <source>Employment status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="123"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="124"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="125"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="126"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="127"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="128"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="146"/>
        <source>Now: {status}</source>
        <translation>当前：{status}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/filter_bar.py" line="23"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/filter_bar.py" line="24"/>
        <source>Any status</source>
        <translation>全部就业状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/filter_bar.py" line="27"/>
        <source>Any key group</source>
        <translation>全部重点群体</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/filter_bar.py" line="30"/>
        <source>Any age</source>
        <translation>全部年龄</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/filter_bar.py" line="32"/>
        <source>Aged {band}</source>
        <translation>{band} 岁</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/filter_bar.py" line="35"/>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="30"/>
        <source>Regular contact</source>
        <translation>定期联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="34"/>
        <source>Rule</source>
        <translation>联系规则</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="35"/>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="36"/>
        <source>Next contact due</source>
        <translation>下次应联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="50"/>
        <source>No regular contact needed</source>
        <translation>无需定期联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="52"/>
        <source>Never</source>
        <translation>尚未联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="55"/>
        <source>{date} (overdue)</source>
        <translation>{date}（已逾期）</translation>
    </message>
</context>
<context>
    <name>JobFormDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="107"/>
        <source>No end date</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="111"/>
        <source>Empty: at the employer&apos;s address</source>
        <translation>留空：在用人单位地址</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="117"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="118"/>
        <source>Job title</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="119"/>
        <source>Kind</source>
        <translation>岗位类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="120"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="121"/>
        <source>Posts</source>
        <translation>招聘人数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="122"/>
        <source>Monthly pay (yuan)</source>
        <translation>月薪（元）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="123"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="130"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="131"/>
        <source>Place of work</source>
        <translation>工作地点</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="132"/>
        <source>Description</source>
        <translation>岗位说明</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="134"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="143"/>
        <source>Register a job</source>
        <translation>登记岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="151"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/form.py" line="180"/>
        <source>Edit job: {title}</source>
        <translation>修改岗位：{title}</translation>
    </message>
</context>
<context>
    <name>JobLabels</name>
    <message>
        <location filename="../../station_app/ui/counter/jobs/labels.py" line="31"/>
        <source>from {low}</source>
        <translation>{low} 起</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/labels.py" line="33"/>
        <source>up to {high}</source>
        <translation>最高 {high}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/labels.py" line="40"/>
        <source>The validity ended</source>
        <translation>有效期已过</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/labels.py" line="42"/>
        <source>Every post is filled</source>
        <translation>岗位已招满</translation>
    </message>
</context>
<context>
    <name>JobStatusDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/jobs/status_dialog.py" line="53"/>
        <source>Why the status changes</source>
        <translation>状态变更的原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/status_dialog.py" line="56"/>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/status_dialog.py" line="57"/>
        <source>Now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/status_dialog.py" line="58"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/status_dialog.py" line="59"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/status_dialog.py" line="60"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/status_dialog.py" line="62"/>
        <source>Change the status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/status_dialog.py" line="68"/>
        <source>Change the job&apos;s status</source>
        <translation>变更岗位状态</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <location filename="../../station_app/ui/counter/jobs/table_model.py" line="41"/>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/table_model.py" line="42"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/table_model.py" line="43"/>
        <source>Kind</source>
        <translation>岗位类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/table_model.py" line="44"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/table_model.py" line="45"/>
        <source>Monthly pay (yuan)</source>
        <translation>月薪（元）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/table_model.py" line="46"/>
        <source>Filled / posts</source>
        <translation>已招 / 招聘</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/table_model.py" line="47"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/table_model.py" line="48"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/table_model.py" line="49"/>
        <source>Distance (km)</source>
        <translation>距离（公里）</translation>
    </message>
</context>
<context>
    <name>JobsPage</name>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="105"/>
        <source>Part of the job title or the employer&apos;s name</source>
        <translation>岗位名称或用人单位名称的一部分</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="108"/>
        <source>Every kind</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="112"/>
        <source>Open or paused</source>
        <translation>招聘中或暂停</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="113"/>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="117"/>
        <source>Occupation code, e.g. 6-01</source>
        <translation>职业代码，如 6-01</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="120"/>
        <source>Every community</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="128"/>
        <source>Any distance</source>
        <translation>不限距离</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="129"/>
        <source>Within this distance of the station&apos;s community</source>
        <translation>距本驿站社区的距离以内</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="134"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="135"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="136"/>
        <source>Register a job</source>
        <translation>登记岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="137"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="138"/>
        <source>Change status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="139"/>
        <source>Status history</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="140"/>
        <source>Residents who fit</source>
        <translation>匹配人员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="155"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="158"/>
        <source>Pay (yuan)</source>
        <translation>月薪（元）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="160"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="213"/>
        <source>Jobs</source>
        <translation>岗位归集</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="224"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/jobs/page.py" line="332"/>
        <source>%n job(s)</source>
        <translation>
            <numerusform>共 %n 个岗位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="334"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} / {pages} 页</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="465"/>
        <source>Status history: {title}</source>
        <translation>状态记录：{title}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="468"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="468"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="468"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/jobs/page.py" line="468"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>KeyGroupsSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="83"/>
        <source>Key groups and wishes</source>
        <translation>重点群体与求职意向</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="87"/>
        <source>Key groups</source>
        <translation>重点群体</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="88"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="89"/>
        <source>Looks for</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="90"/>
        <source>Desired salary</source>
        <translation>期望月薪</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="96"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="105"/>
        <source>{yuan} yuan a month</source>
        <translation>每月 {yuan} 元</translation>
    </message>
</context>
<context>
    <name>LedgerButton</name>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="20"/>
        <source>residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="21"/>
        <source>employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="22"/>
        <source>jobs</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="40"/>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="109"/>
        <source>Excel ledgers</source>
        <translation>Excel 台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="48"/>
        <source>Import {kind} from Excel…</source>
        <translation>从 Excel 导入{kind}…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="52"/>
        <source>Export {kind} to Excel…</source>
        <translation>导出{kind}到 Excel…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="55"/>
        <source>Empty template for {kind}…</source>
        <translation>下载{kind}空白模板…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="71"/>
        <source>Save the Excel ledger</source>
        <translation>保存 Excel 台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="73"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/ledger_menu.py" line="92"/>
        <source>{count} records were exported to {file}.</source>
        <translation>已导出 {count} 条记录到 {file}。</translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="63"/>
        <source>Choose the Excel ledger (.xlsx) to import.</source>
        <translation>请选择要导入的 Excel 台账（.xlsx）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="64"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="71"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="72"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="73"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="74"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="75"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="84"/>
        <source>Update the records registered already</source>
        <translation>更新已登记的记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="85"/>
        <source>Skip the records registered already</source>
        <translation>跳过已登记的记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="89"/>
        <source>Import the accepted rows</source>
        <translation>导入通过检查的行</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="92"/>
        <source>Save the report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="95"/>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="98"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="124"/>
        <source>Import a residents&apos; ledger</source>
        <translation>导入居民台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="125"/>
        <source>Import an employers&apos; ledger</source>
        <translation>导入用人单位台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="126"/>
        <source>Import a jobs&apos; ledger</source>
        <translation>导入岗位台账</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="138"/>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="271"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="147"/>
        <source>Reading and checking every row…</source>
        <translation>正在读取并检查每一行…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="161"/>
        <source>{rows} rows: {new} new, {update} registered with changes, {unchanged} registered and unchanged, {rejected} refused (never imported).</source>
        <translation>共 {rows} 行：新增 {new} 行，已登记且有变化 {update} 行，已登记且无变化 {unchanged} 行，不予导入 {rejected} 行（不会导入）。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="198"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="199"/>
        <source>Registered, changed</source>
        <translation>已登记，有变化</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="200"/>
        <source>Registered, unchanged</source>
        <translation>已登记，无变化</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="201"/>
        <source>Refused</source>
        <translation>不予导入</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="240"/>
        <source>Imported: {created} new, {updated} updated, {skipped} skipped, {unchanged} unchanged; {rejected} refused rows were not imported.</source>
        <translation>导入完成：新增 {created} 条，更新 {updated} 条，跳过 {skipped} 条，无变化 {unchanged} 条；{rejected} 行未通过检查，未导入。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/ledgers/import_dialog.py" line="271"/>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="70"/>
        <source>Log in — Smart Employment Station</source>
        <translation>登录 — 智慧就业驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="73"/>
        <source>Smart Employment Station</source>
        <translation>智慧就业驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="80"/>
        <source>{community}, {street}</source>
        <translation>{street} {community}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="104"/>
        <source>The new language takes effect the next time the program starts.</source>
        <translation>新的语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="108"/>
        <source>Demo database: user name demo, password demo1234</source>
        <translation>演示数据库：用户名 demo，密码 demo1234</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="114"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="115"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="116"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="122"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="166"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="195"/>
        <source>The user name or password is wrong. Please try again.</source>
        <translation>用户名或密码不正确，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="101"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="103"/>
        <location filename="../../station_app/ui/counter/main_window.py" line="244"/>
        <source>Smart Employment Station</source>
        <translation>智慧就业驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="116"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="154"/>
        <source>Smart Employment Station — {community}</source>
        <translation>智慧就业驿站 — {community}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="245"/>
        <source>Logged out.</source>
        <translation>已注销。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="303"/>
        <source>About Smart Employment Station</source>
        <translation>关于智慧就业驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="305"/>
        <source>&lt;h3&gt;Smart Employment Station&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Software for the community employment stations of Jieshou.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;智慧就业驿站&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;界首市社区就业驿站工作软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="312"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="313"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="316"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="319"/>
        <source>Log out / switch user</source>
        <translation>注销 / 切换用户</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="327"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="328"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="346"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="347"/>
        <source>Home page</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="350"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="353"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="376"/>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="380"/>
        <source>This database holds invented people for practice, not real residents.</source>
        <translation>此数据库中的人员均为虚构，仅供练习使用，并非真实居民。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="384"/>
        <source>Station: {community}, {street}</source>
        <translation>驿站：{street} {community}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="389"/>
        <source>User: {name} ({role})</source>
        <translation>用户：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/main_window.py" line="398"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
</context>
<context>
    <name>MatchesSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="46"/>
        <source>Every kind</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="54"/>
        <source>the station&apos;s radius</source>
        <translation>驿站默认范围</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="56"/>
        <source>Within the radius only</source>
        <translation>只看范围内</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="58"/>
        <source>Refer to this job…</source>
        <translation>推荐到此岗位…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="59"/>
        <source>Refer the resident to the selected job (Enter)</source>
        <translation>将该居民推荐到所选岗位（Enter）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="61"/>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="88"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="63"/>
        <source>Radius</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="81"/>
        <source>Matching jobs nearby</source>
        <translation>附近匹配岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="85"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="86"/>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="87"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="89"/>
        <source>Pay</source>
        <translation>月薪（元）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="90"/>
        <source>Why it fits</source>
        <translation>匹配理由</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/match_section.py" line="126"/>
        <source>No open job nearby that the resident may take.</source>
        <translation>附近暂无该居民可应聘的在招岗位。</translation>
    </message>
</context>
<context>
    <name>OccupationCombo</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/occupation_widgets.py" line="193"/>
        <source>Type a name, its pinyin or a code</source>
        <translation>输入名称、拼音或代码</translation>
    </message>
</context>
<context>
    <name>OccupationPicker</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/occupation_widgets.py" line="86"/>
        <source>Find an occupation by name, pinyin or code</source>
        <translation>按名称、拼音或代码查找职业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/occupation_widgets.py" line="162"/>
        <source>Chosen: {names}</source>
        <translation>已选：{names}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/occupation_widgets.py" line="164"/>
        <source>No occupation chosen yet.</source>
        <translation>尚未选择职业。</translation>
    </message>
</context>
<context>
    <name>OccupationWidgets</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/occupation_widgets.py" line="38"/>
        <source>{name} ({code})</source>
        <translation>{name}（{code}）</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/referrals/outcome_dialog.py" line="73"/>
        <source>{serial} · {job} · {employer}
Referred on {day}, now: {status}</source>
        <translation>{serial} · {job} · {employer}
推荐日期 {day}，当前：{status}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/outcome_dialog.py" line="83"/>
        <source>Referral</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/outcome_dialog.py" line="84"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/outcome_dialog.py" line="85"/>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/outcome_dialog.py" line="86"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/outcome_dialog.py" line="88"/>
        <source>Record the outcome</source>
        <translation>登记结果</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/outcome_dialog.py" line="103"/>
        <source>Outcome of the referral of {name}</source>
        <translation>登记推荐结果：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/outcome_dialog.py" line="111"/>
        <source>Hired: the resident&apos;s status becomes employed by this employer and the job&apos;s filled places go up by one, together with the outcome.</source>
        <translation>已录用：与结果一同保存——该居民的就业状态改为在此单位就业，岗位已招人数加一。</translation>
    </message>
</context>
<context>
    <name>PersonalSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="40"/>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="44"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="45"/>
        <source>Sex, age</source>
        <translation>性别、年龄</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="46"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="47"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="48"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="49"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="50"/>
        <source>Household</source>
        <translation>户籍性质</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="51"/>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="52"/>
        <source>Consent given on</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="53"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="60"/>
        <source>{sex}, {age} years (born {birth})</source>
        <translation>{sex}，{age} 岁（{birth} 出生）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="66"/>
        <source>Masked: your role sees part of it only.</source>
        <translation>已隐去部分：您的角色只能查看部分内容。</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="44"/>
        <source>Place in a job: {name}</source>
        <translation>安置到岗位：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="46"/>
        <source>Find a job by its title or employer</source>
        <translation>按岗位名称或用人单位查找岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="50"/>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="51"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="52"/>
        <source>Kind</source>
        <translation>岗位类型</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="53"/>
        <source>Places filled</source>
        <translation>已招/计划</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="54"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="64"/>
        <source>Place in the selected job</source>
        <translation>安置到所选岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="69"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/placement_dialog.py" line="135"/>
        <source>Placed in {job} at {employer}; the status is now {status}.</source>
        <translation>已安置到{employer}的“{job}”岗位，就业状态现为：{status}。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="66"/>
        <source>One-on-one assistance: {name}</source>
        <translation>一对一帮扶：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="70"/>
        <source>What the plan is to achieve</source>
        <translation>帮扶要达到的目标</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="84"/>
        <source>A step taken or a note, dated today</source>
        <translation>采取的措施或备注（记为今天）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="87"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="92"/>
        <source>Goals</source>
        <translation>帮扶目标</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="93"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="94"/>
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="95"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="96"/>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="97"/>
        <source>Steps so far</source>
        <translation>已采取的措施</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="98"/>
        <source>New step</source>
        <translation>新增措施</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="131"/>
        <source>A new plan.</source>
        <translation>新建帮扶计划。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="135"/>
        <source>The active plan.</source>
        <translation>当前帮扶中的计划。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/follow_ups/plan_dialog.py" line="178"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="42"/>
        <source>Print preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="58"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="59"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="60"/>
        <source>Print on a printer (Ctrl+P)</source>
        <translation>在打印机上打印（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="63"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="64"/>
        <source>Save the document as a PDF file (Ctrl+S)</source>
        <translation>将文件另存为 PDF（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="66"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="94"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="102"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="102"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/printing/preview_dialog.py" line="114"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>RecognitionDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="77"/>
        <source>Recognition of employment difficulties: {name}</source>
        <translation>就业困难人员认定：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="83"/>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="107"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="83"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="83"/>
        <source>Recorded by</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="83"/>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="108"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="96"/>
        <source>Note; the reason when not approved or exiting</source>
        <translation>备注；不予通过或退出时填写原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="105"/>
        <source>Record the next step</source>
        <translation>办理下一步骤</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="111"/>
        <source>New application</source>
        <translation>新的认定申请</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="115"/>
        <source>Categories (the evidence each needs)</source>
        <translation>认定类别（所需材料）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="116"/>
        <source>Evidence shown</source>
        <translation>已提交材料</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="120"/>
        <source>{category} ({evidence})</source>
        <translation>{category}（{evidence}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="130"/>
        <source>Submit the application</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="136"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="189"/>
        <source>No recognition yet.</source>
        <translation>尚未申请认定。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="213"/>
        <source>State: {state}. Categories: {categories}.</source>
        <translation>状态：{state}。类别：{categories}。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="218"/>
        <source>Public notice of {days} days from {start}; it ends on {end}, when the street review may be recorded.</source>
        <translation>自 {start} 起公示 {days} 天，{end} 届满，届满当日起可办理街道审核。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="226"/>
        <source>Valid until {day}.</source>
        <translation>有效期至 {day}。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="228"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/recognition_dialog.py" line="270"/>
        <source>Recorded.</source>
        <translation>已办理。</translation>
    </message>
</context>
<context>
    <name>RecognitionSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="93"/>
        <source>Recognitions</source>
        <translation>就业困难人员认定</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="97"/>
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="98"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="99"/>
        <source>Categories</source>
        <translation>认定类别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="100"/>
        <source>Notice ends</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="101"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/work_sections.py" line="120"/>
        <source>No recognition applied for.</source>
        <translation>尚未申请认定。</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <location filename="../../station_app/ui/shared/form_rows.py" line="139"/>
        <source>Open the existing record</source>
        <translation>打开已有记录</translation>
    </message>
</context>
<context>
    <name>RecordFormDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="57"/>
        <source>Reload the record</source>
        <translation>重新载入记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="64"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="66"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="224"/>
        <source>This is the record already registered.</source>
        <translation>这是已登记的记录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="298"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="324"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="325"/>
        <source>This form has changes that are not saved. Discard them?</source>
        <translation>此表单有尚未保存的修改。要放弃这些修改吗？</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="326"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="327"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="350"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="355"/>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的项目。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="368"/>
        <source>Someone else changed this record after you opened it. Nothing was saved. Reload the record to see the current version, then make your changes again.</source>
        <translation>在您打开此记录后，其他人修改了它，本次未保存。请重新载入记录查看最新内容，然后再修改。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="376"/>
        <source>Could not save: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/record_form.py" line="173"/>
        <source>Could not open the record: {reason}</source>
        <translation>无法打开记录：{reason}</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../station_app/ui/counter/record_page.py" line="59"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/referrals/referral_dialog.py" line="50"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/referral_dialog.py" line="51"/>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/referral_dialog.py" line="52"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/referral_dialog.py" line="53"/>
        <source>Match</source>
        <translation>匹配情况</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/referral_dialog.py" line="61"/>
        <source>The referral gets the next serial of this station and counts as a job offer of the resident&apos;s services; its slip is printed next.</source>
        <translation>推荐将取得本驿站的下一个编号，并计为一次岗位推荐服务；随后打印推荐信。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/referral_dialog.py" line="67"/>
        <source>Refer and print the slip</source>
        <translation>推荐并打印推荐信</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/referral_dialog.py" line="75"/>
        <source>No referral was made.</source>
        <translation>未能推荐。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/referral_dialog.py" line="82"/>
        <source>Refer {name} to a job</source>
        <translation>岗位推荐：{name}</translation>
    </message>
</context>
<context>
    <name>ReferralsSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/referral_section.py" line="30"/>
        <source>Record the outcome… (Ctrl+O)</source>
        <translation>登记结果…（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/referral_section.py" line="32"/>
        <source>Print the slip again…</source>
        <translation>重新打印推荐信…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/referral_section.py" line="46"/>
        <source>Referrals</source>
        <translation>岗位推荐</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/referral_section.py" line="50"/>
        <source>Serial</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/referral_section.py" line="51"/>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/referral_section.py" line="52"/>
        <source>Referred on</source>
        <translation>推荐日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/referral_section.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/referral_section.py" line="54"/>
        <source>Outcome on</source>
        <translation>结果日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/referral_section.py" line="73"/>
        <source>No referrals yet.</source>
        <translation>尚无推荐记录。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="291"/>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="292"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="294"/>
        <source>Enter the new password for {name} ({username}).</source>
        <translation>请输入 {name}（{username}）的新密码。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="301"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="302"/>
        <source>Password again:</source>
        <translation>确认密码：</translation>
    </message>
</context>
<context>
    <name>ResidentFields</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="76"/>
        <source>18 characters; birth date and sex follow</source>
        <translation>18 位，出生日期和性别自动识别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="81"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="83"/>
        <source>Choose the community</source>
        <translation>请选择社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="85"/>
        <source>{name} ({street})</source>
        <translation>{name}（{street}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="89"/>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="93"/>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="114"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="97"/>
        <source>Left school on</source>
        <translation>离校日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="119"/>
        <source>Agrees to the use of personal information</source>
        <translation>同意使用个人信息</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="145"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="146"/>
        <source>Birth date / sex</source>
        <translation>出生日期/性别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="147"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="148"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="149"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="150"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="151"/>
        <source>Household registration</source>
        <translation>户籍性质</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="159"/>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="160"/>
        <source>Employment status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="161"/>
        <source>Employment status history</source>
        <translation>就业状态记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="164"/>
        <source>Desired occupation</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="166"/>
        <source>Desired monthly salary (yuan)</source>
        <translation>期望月薪（元）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="175"/>
        <source>Consent</source>
        <translation>信息使用授权</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="176"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="178"/>
        <source>Skills (occupations the person can do)</source>
        <translation>技能（能从事的职业）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="182"/>
        <source>Key groups</source>
        <translation>重点群体</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="222"/>
        <source>Filled in from the ID number</source>
        <translation>根据身份证号码自动填写</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="225"/>
        <source>{birth_date}, {sex}</source>
        <translation>{birth_date}，{sex}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="236"/>
        <source>{date} {status}</source>
        <comment>status history: date, status</comment>
        <translation>{date} {status}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/fields.py" line="240"/>
        <source>{entry} — {note}</source>
        <comment>status history: entry, note</comment>
        <translation>{entry}——{note}</translation>
    </message>
</context>
<context>
    <name>ResidentFormDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/form.py" line="62"/>
        <source>Register a resident</source>
        <translation>登记居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/form.py" line="89"/>
        <source>This resident no longer exists.</source>
        <translation>该居民记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/form.py" line="92"/>
        <source>Edit resident: {name}</source>
        <translation>修改居民信息：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/form.py" line="144"/>
        <source>Choose an occupation from the list.</source>
        <translation>请从列表中选择职业。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/form.py" line="84"/>
        <source>This ID number is already registered.</source>
        <translation>该身份证号码已经登记过。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/form.py" line="88"/>
        <source>This resident no longer exists. Nothing was saved.</source>
        <translation>该居民记录已不存在，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>ResidentProfileDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="92"/>
        <source>Edit (Ctrl+E)</source>
        <translation>编辑（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="94"/>
        <source>Edit the resident&apos;s record (Ctrl+E)</source>
        <translation>编辑该居民的信息（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="96"/>
        <source>Status change (Ctrl+T)</source>
        <translation>就业状态变动（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="98"/>
        <source>Record a dated change of employment status</source>
        <translation>登记一次就业状态变动（含日期）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="103"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="110"/>
        <source>Recognition… (Ctrl+R)</source>
        <translation>就业困难认定…（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="112"/>
        <source>Place in a job… (Ctrl+J)</source>
        <translation>安置到岗位…（Ctrl+J）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="115"/>
        <source>Record a contact… (Ctrl+L)</source>
        <translation>记录联系… (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="121"/>
        <source>Assistance plan…</source>
        <translation>一对一帮扶…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="122"/>
        <source>One-on-one assistance for a 就业困难人员</source>
        <translation>为就业困难人员制定一对一帮扶计划</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="128"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="130"/>
        <source>Job-seeker registration form</source>
        <translation>求职登记表</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="131"/>
        <source>1-3-1 service card</source>
        <translation>1-3-1 服务卡</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="168"/>
        <source>Ctrl+M: to the matching jobs; Enter refers to the selected</source>
        <translation>Ctrl+M：转到匹配岗位；按 Enter 推荐到所选岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="169"/>
        <source>Resident profile</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="197"/>
        <source>Resident profile: {name}</source>
        <translation>居民档案：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="229"/>
        <source>This resident&apos;s record no longer exists.</source>
        <translation>该居民的记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="231"/>
        <source>Could not open the profile: {reason}</source>
        <translation>无法打开档案：{reason}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="367"/>
        <source>Job-seeker registration form: {name}</source>
        <translation>求职登记表：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/dialog.py" line="387"/>
        <source>1-3-1 service card: {name}</source>
        <translation>1-3-1 服务卡：{name}</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/table_model.py" line="37"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/table_model.py" line="38"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/table_model.py" line="39"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/table_model.py" line="40"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/table_model.py" line="41"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/table_model.py" line="42"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/table_model.py" line="43"/>
        <source>Employment status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/table_model.py" line="44"/>
        <source>Key groups</source>
        <translation>重点群体</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/table_model.py" line="193"/>
        <source>Born {date}</source>
        <translation>出生于 {date}</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/page.py" line="96"/>
        <source>Name, pinyin initials, part of the ID number or last digits of the phone</source>
        <translation>姓名、拼音首字母、身份证号码的一部分或电话尾号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/page.py" line="98"/>
        <source>Register a new resident</source>
        <translation>登记新居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/page.py" line="99"/>
        <source>Open profile</source>
        <translation>查看档案</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/page.py" line="100"/>
        <source>The resident&apos;s profile (Enter)</source>
        <translation>该居民的档案（回车）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/page.py" line="123"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/page.py" line="128"/>
        <source>Record a contact (Ctrl+L)</source>
        <translation>记录联系 (Ctrl+L)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/residents/page.py" line="181"/>
        <source>%n resident(s); preparing the search…</source>
        <translation>
            <numerusform>共 %n 人；正在准备搜索…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/residents/page.py" line="298"/>
        <source>First %n shown; type more to narrow the search</source>
        <translation>
            <numerusform>仅显示前 %n 人，请输入更多内容缩小范围</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/residents/page.py" line="300"/>
        <source>%n resident(s)</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServicesSection</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="157"/>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="161"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="162"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="163"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="164"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="165"/>
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="166"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/sections.py" line="182"/>
        <source>No service recorded yet.</source>
        <translation>尚无服务记录。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="68"/>
        <source>Set up the station</source>
        <translation>驿站初始设置</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="87"/>
        <source>for example 341282001001</source>
        <translation>例如 341282001001</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="88"/>
        <source>for example Renmin Road Community</source>
        <translation>例如 人民路社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="89"/>
        <source>letters and digits, for example admin</source>
        <translation>字母和数字，例如 admin</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="95"/>
        <source>This computer is not set up yet. Enter the community this employment station serves and create the administrator&apos;s account.</source>
        <translation>本机尚未设置。请填写本就业驿站服务的社区，并创建管理员账号。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="101"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="104"/>
        <source>Street (city list):</source>
        <translation>街道（全市名单）：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="108"/>
        <source>The station&apos;s community:</source>
        <translation>本驿站所在社区：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="112"/>
        <source>Also serves:</source>
        <translation>同时服务：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="114"/>
        <source>Community code:</source>
        <translation>社区代码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="117"/>
        <source>Community name:</source>
        <translation>社区名称：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="119"/>
        <source>Street / township:</source>
        <translation>街道/乡镇：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="120"/>
        <source>Latitude:</source>
        <translation>纬度：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="121"/>
        <source>Longitude:</source>
        <translation>经度：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="123"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="125"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="126"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="127"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="128"/>
        <source>Password again:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="139"/>
        <source>Set up</source>
        <translation>完成设置</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="199"/>
        <source>Another community (enter it below)</source>
        <translation>其他社区（在下方填写）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="132"/>
        <source>Setting up the station…</source>
        <translation>正在设置驿站…</translation>
    </message>
</context>
<context>
    <name>SlipPrinting</name>
    <message>
        <location filename="../../station_app/ui/counter/referrals/slip_printing.py" line="48"/>
        <source>Referral slip {serial}</source>
        <translation>推荐信 {serial}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/slip_printing.py" line="82"/>
        <source>Printing {count} referral slips</source>
        <translation>正在打印 {count} 份推荐信</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/referrals/slip_printing.py" line="100"/>
        <source>The slip cannot be printed</source>
        <translation>无法打印推荐信</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../station_app/ui/counter/startup.py" line="84"/>
        <source>Opening the station database…</source>
        <translation>正在打开驿站数据库…</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/status_dialog.py" line="64"/>
        <source>(not ending an unemployment)</source>
        <translation>（非注销失业登记）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/status_dialog.py" line="70"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/status_dialog.py" line="74"/>
        <source>New status</source>
        <translation>新的就业状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/status_dialog.py" line="75"/>
        <source>Since</source>
        <translation>变动日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/status_dialog.py" line="76"/>
        <source>Reason for de-registration</source>
        <translation>注销失业登记原因</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/status_dialog.py" line="77"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/status_dialog.py" line="78"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/status_dialog.py" line="80"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/residents/profile/status_dialog.py" line="89"/>
        <source>Record a change of employment status</source>
        <translation>登记就业状态变动</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="44"/>
        <source>City sync: not enrolled</source>
        <translation>市级同步：未注册</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="45"/>
        <source>This station is not enrolled with the city server: see the Sync page.</source>
        <translation>本驿站尚未在市级服务器注册：请到“同步”页面注册。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="51"/>
        <source>{pending} to send</source>
        <translation>待上传 {pending}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="54"/>
        <source>{cases} to check</source>
        <translation>待处理 {cases}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="58"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="61"/>
        <source>Sync failed · {pending}</source>
        <translation>同步失败 · {pending}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="64"/>
        <source>{reason}
Last successful sync: {when}
Click to try again.</source>
        <translation>{reason}
上次成功同步：{when}
点击重试。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="68"/>
        <source>Synced {when} · {pending} · {cases}</source>
        <translation>已同步 {when} · {pending} · {cases}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="71"/>
        <source>City server: {server}
Click to sync now.</source>
        <translation>市级服务器：{server}
点击立即同步。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/shared/sync_indicator.py" line="80"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="65"/>
        <location filename="../../station_app/ui/counter/sync/page.py" line="183"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="66"/>
        <source>City server</source>
        <translation>市级服务器</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="68"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="69"/>
        <source>This station:</source>
        <translation>本驿站：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="70"/>
        <source>Last successful sync:</source>
        <translation>上次成功同步：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="71"/>
        <source>Waiting:</source>
        <translation>待处理：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="72"/>
        <source>Last failure:</source>
        <translation>上次失败原因：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="79"/>
        <source>Enrol</source>
        <translation>注册</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="80"/>
        <source>Enrol this station with the city server</source>
        <translation>在市级服务器注册本驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="82"/>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="83"/>
        <source>One-time code:</source>
        <translation>一次性注册码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="90"/>
        <source>Case</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="91"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="92"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="93"/>
        <source>Kept by the city</source>
        <translation>市里保留的值</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="94"/>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="105"/>
        <source>Keep the city&apos;s value</source>
        <translation>保留市里的值</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="106"/>
        <source>Use the other value</source>
        <translation>改用另一个值</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="107"/>
        <source>Keep the first record</source>
        <translation>保留第一条记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="108"/>
        <source>Keep the second record</source>
        <translation>保留第二条记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="111"/>
        <source>Conflicts and merge cases</source>
        <translation>冲突与重复登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="152"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="162"/>
        <source>{station} (communities {communities})</source>
        <translation>{station}（社区 {communities}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="167"/>
        <source>not enrolled yet</source>
        <translation>尚未注册</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="171"/>
        <source>{pending} change(s) to send, {rejected} refused by the city</source>
        <translation>待上传 {pending} 项修改，被市里拒绝 {rejected} 项</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="183"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="192"/>
        <source>Enter the server&apos;s address and the code.</source>
        <translation>请输入服务器地址和注册码。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="194"/>
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/sync/page.py" line="221"/>
        <source>%n case(s) to resolve</source>
        <translation>
            <numerusform>%n 项待处理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="223"/>
        <source>Nothing to resolve: the city and this station agree.</source>
        <translation>没有待处理事项：市里与本驿站的数据一致。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="230"/>
        <source> (the other is at another station)</source>
        <translation>（另一条在其他驿站）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="232"/>
        <source>Registered twice</source>
        <translation>重复登记</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="233"/>
        <source>{entity}: {first} / {second}</source>
        <translation>{entity}：{first} / {second}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="237"/>
        <source>first: {first}</source>
        <translation>第一条：{first}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="238"/>
        <source>second: {second}{where}</source>
        <translation>第二条：{second}{where}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="241"/>
        <source>Both changed</source>
        <translation>双方都修改了</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="242"/>
        <source>{entity}: {record}</source>
        <translation>{entity}：{record}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="244"/>
        <location filename="../../station_app/ui/counter/sync/page.py" line="247"/>
        <source>{value}
({who}, {when})</source>
        <translation>{value}
（{who}，{when}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="291"/>
        <source>Resolved; the city learns it at the next sync.</source>
        <translation>已处理；下次同步时告知市里。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="306"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="307"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="308"/>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="309"/>
        <location filename="../../station_app/ui/counter/sync/page.py" line="320"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="315"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="316"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="317"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="318"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="319"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="321"/>
        <source>Employment status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="322"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="323"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="324"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="325"/>
        <source>Job title</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="326"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/sync/page.py" line="327"/>
        <source>Key groups</source>
        <translation>重点群体</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="99"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="102"/>
        <location filename="../../station_app/ui/counter/today/page.py" line="139"/>
        <location filename="../../station_app/ui/counter/today/page.py" line="156"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="103"/>
        <source>Due on</source>
        <translation>应联系日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="104"/>
        <location filename="../../station_app/ui/counter/today/page.py" line="139"/>
        <source>When</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="105"/>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="106"/>
        <source>Contact rule</source>
        <translation>联系规则</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="110"/>
        <source>Record a contact (Ctrl+L)</source>
        <translation>记录联系 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="111"/>
        <location filename="../../station_app/ui/counter/today/page.py" line="141"/>
        <source>Open the resident</source>
        <translation>打开居民信息</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="116"/>
        <source>Contacts due</source>
        <translation>待联系居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="123"/>
        <location filename="../../station_app/ui/counter/today/page.py" line="156"/>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="123"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="123"/>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="123"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="131"/>
        <source>Jobs ending within {days} days</source>
        <translation>{days} 天内到期的岗位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="139"/>
        <source>Notice ends</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="146"/>
        <source>Public notices of recognitions ending within {days} days</source>
        <translation>{days} 天内结束的就业困难人员认定公示</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="156"/>
        <source>Last step</source>
        <translation>上一步日期</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="156"/>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="159"/>
        <source>Record the outcome…</source>
        <translation>登记结果…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="163"/>
        <source>Referrals without an outcome</source>
        <translation>未登记结果的推荐</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="210"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="237"/>
        <source>Today, {day}</source>
        <translation>今天：{day}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="249"/>
        <source>Your role may not see residents.</source>
        <translation>您的角色无权查看居民信息。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="253"/>
        <source>Overdue: {overdue} · due today: {today} · due this week: {week}</source>
        <translation>已逾期：{overdue} · 今天到期：{today} · 本周到期：{week}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/today/page.py" line="285"/>
        <source>%n notice(s) end soon</source>
        <translation>
            <numerusform>共 %n 项公示即将结束</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/today/page.py" line="300"/>
        <source>ended %n day(s) ago</source>
        <translation>
            <numerusform>已于 %n 天前结束</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/today/page.py" line="301"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="303"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/today/page.py" line="304"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="328"/>
        <source>Referrals without an outcome after {days} days</source>
        <translation>推荐后 {days} 天仍未登记结果</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/today/page.py" line="330"/>
        <source>%n referral(s) waiting</source>
        <translation>
            <numerusform>共 %n 条推荐待登记结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/today/page.py" line="338"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="265"/>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/today/page.py" line="126"/>
        <source>Open the job</source>
        <translation>打开岗位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/today/page.py" line="312"/>
        <source>%n job(s) end soon</source>
        <translation>
            <numerusform>共 %n 个岗位即将到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="32"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="33"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="34"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="35"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="36"/>
        <source>Last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="105"/>
        <source>{name} (you)</source>
        <translation>{name}（本人）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="110"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="110"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="112"/>
        <source>Never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/table_model.py" line="117"/>
        <source>This account cannot log in.</source>
        <translation>该账号不能登录。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="69"/>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="70"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="71"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="72"/>
        <location filename="../../station_app/ui/counter/users/page.py" line="309"/>
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="114"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/users/page.py" line="136"/>
        <source>%n user(s), {active} active</source>
        <translation>
            <numerusform>共 %n 个用户，{active} 个启用</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="203"/>
        <source>{name} ({username})</source>
        <translation>{name}（{username}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="207"/>
        <source>Deactivate the account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="210"/>
        <source>Deactivate the account of {name}? They can no longer log in. Their records and the audit log keep their name; you can activate the account again.</source>
        <translation>要停用 {name} 的账号吗？停用后该用户不能再登录。其经办的记录和操作日志仍保留其姓名；以后可以重新启用该账号。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="215"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="217"/>
        <source>Activate the account</source>
        <translation>启用账号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="219"/>
        <source>Activate the account of {name} again? They can log in again.</source>
        <translation>要重新启用 {name} 的账号吗？启用后该用户可以再次登录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="223"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="224"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="239"/>
        <source>The account of {name} is active again.</source>
        <translation>{name} 的账号已重新启用。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="241"/>
        <source>The account of {name} is deactivated.</source>
        <translation>{name} 的账号已停用。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="307"/>
        <source>Activate…</source>
        <translation>启用…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="310"/>
        <source>You cannot deactivate your own account or change its role.</source>
        <translation>不能停用自己的账号，也不能更改自己的角色。</translation>
    </message>
</context>
</TS>
