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
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="188"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="202"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../station_app/ui/application.py" line="146"/>
        <source>Smart Employment Station</source>
        <translation>智慧就业驿站</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="321"/>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="322"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="324"/>
        <source>Choose the role of {name} ({username}).</source>
        <translation>请选择 {name}（{username}）的角色。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="331"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../station_app/ui/application.py" line="196"/>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/application.py" line="198"/>
        <source>Something went wrong inside the program. Your saved data is safe; the last action may not have been completed.</source>
        <translation>程序内部出现错误。已保存的数据不受影响，但刚才的操作可能没有完成。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/application.py" line="206"/>
        <source>Please tell the technical support. The details are in the log file:
{path}</source>
        <translation>请联系技术支持。详细信息已记录在日志文件中：
{path}</translation>
    </message>
</context>
<context>
    <name>CreateUserDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="238"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="239"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="247"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="248"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="249"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="250"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="251"/>
        <source>Password again:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="254"/>
        <source>The user logs in with this user name and password. Tell them the password in person.</source>
        <translation>该用户将使用此用户名和密码登录。请当面告知其密码。</translation>
    </message>
</context>
<context>
    <name>EmployerFields</name>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="52"/>
        <source>18 digits and capital letters</source>
        <translation>18 位数字和大写字母</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="57"/>
        <location filename="../../station_app/ui/employers/fields.py" line="63"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="65"/>
        <source>{name} ({street})</source>
        <translation>{name}（{street}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="67"/>
        <source>Known</source>
        <translation>填写</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="74"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="77"/>
        <source>The official who looks after this employer</source>
        <translation>负责联系服务该单位的干部</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="78"/>
        <source>On the whitelist of key enterprises</source>
        <translation>列入重点企业白名单</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="86"/>
        <source>Employer</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="89"/>
        <source>Employer name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="91"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="92"/>
        <source>Employer type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="93"/>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="94"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="95"/>
        <source>Community</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="100"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="102"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="104"/>
        <source>Location</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="106"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="109"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="111"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="112"/>
        <source>Liaison officer</source>
        <translation>包保责任人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/fields.py" line="113"/>
        <source>Key enterprise</source>
        <translation>重点企业</translation>
    </message>
</context>
<context>
    <name>EmployerFormDialog</name>
    <message>
        <location filename="../../station_app/ui/employers/form.py" line="55"/>
        <source>Register an employer</source>
        <translation>登记用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/form.py" line="77"/>
        <source>This employer no longer exists.</source>
        <translation>该单位已不存在。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/form.py" line="80"/>
        <source>Edit employer: {name}</source>
        <translation>修改用人单位：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/form.py" line="72"/>
        <source>An employer with this credit code is already registered.</source>
        <translation>该统一社会信用代码已登记过用人单位。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/form.py" line="76"/>
        <source>This employer no longer exists. Nothing was saved.</source>
        <translation>该单位已不存在，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>EmployerTableModel</name>
    <message>
        <location filename="../../station_app/ui/employers/table_model.py" line="27"/>
        <source>Employer name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/table_model.py" line="28"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/table_model.py" line="31"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/table_model.py" line="32"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/table_model.py" line="33"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/table_model.py" line="34"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/table_model.py" line="35"/>
        <source>Key enterprise</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/table_model.py" line="94"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/table_model.py" line="100"/>
        <source>On the whitelist of key enterprises</source>
        <translation>已列入重点企业白名单</translation>
    </message>
</context>
<context>
    <name>EmployersPage</name>
    <message>
        <location filename="../../station_app/ui/employers/page.py" line="35"/>
        <source>Part of the name or of the credit code</source>
        <translation>单位名称或统一社会信用代码的一部分</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/page.py" line="36"/>
        <source>Register an employer</source>
        <translation>登记用人单位</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/employers/page.py" line="41"/>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/employers/page.py" line="54"/>
        <source>%n employer(s)</source>
        <translation>
            <numerusform>共 %n 家</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/employers/page.py" line="57"/>
        <source>First {shown} of %n shown; type more to narrow the search</source>
        <translation>
            <numerusform>共 %n 家，仅显示前 {shown} 家；请输入更多内容缩小范围</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="59"/>
        <source>Log in — Smart Employment Station</source>
        <translation>登录 — 智慧就业驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="62"/>
        <source>Smart Employment Station</source>
        <translation>智慧就业驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="69"/>
        <source>{community}, {street}</source>
        <translation>{street} {community}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="91"/>
        <source>The new language takes effect the next time the program starts.</source>
        <translation>新的语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="95"/>
        <source>Demo database: user name demo, password demo1234</source>
        <translation>演示数据库：用户名 demo，密码 demo1234</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="101"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="102"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="103"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="109"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="137"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/login_dialog.py" line="143"/>
        <source>The user name or password is wrong. Please try again.</source>
        <translation>用户名或密码不正确，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/login_dialog.py" line="1"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="75"/>
        <source>Smart Employment Station</source>
        <translation>智慧就业驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="83"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="121"/>
        <source>Smart Employment Station — {community}</source>
        <translation>智慧就业驿站 — {community}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="152"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="153"/>
        <source>Station worker</source>
        <translation>驿站工作人员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="158"/>
        <source>About Smart Employment Station</source>
        <translation>关于智慧就业驿站</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="160"/>
        <source>&lt;h3&gt;Smart Employment Station&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Software for the community employment stations of Jieshou.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;智慧就业驿站&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;界首市社区就业驿站工作软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="167"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="168"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="173"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="174"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="181"/>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="185"/>
        <source>This database holds invented people for practice, not real residents.</source>
        <translation>此数据库中的人员均为虚构，仅供练习使用，并非真实居民。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="189"/>
        <source>Station: {community}, {street}</source>
        <translation>驿站：{street} {community}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="194"/>
        <source>User: {name} ({role})</source>
        <translation>用户：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/main_window.py" line="203"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
</context>
<context>
    <name>OccupationCombo</name>
    <message>
        <location filename="../../station_app/ui/residents/occupation_widgets.py" line="142"/>
        <source>Type part of a name or code</source>
        <translation>输入名称或代码的一部分</translation>
    </message>
</context>
<context>
    <name>OccupationPicker</name>
    <message>
        <location filename="../../station_app/ui/residents/occupation_widgets.py" line="51"/>
        <source>Find an occupation by name or code</source>
        <translation>按名称或代码查找职业</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/occupation_widgets.py" line="118"/>
        <source>Chosen: {names}</source>
        <translation>已选：{names}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/occupation_widgets.py" line="120"/>
        <source>No occupation chosen yet.</source>
        <translation>尚未选择职业。</translation>
    </message>
</context>
<context>
    <name>OccupationWidgets</name>
    <message>
        <location filename="../../station_app/ui/residents/occupation_widgets.py" line="32"/>
        <source>{name} ({code})</source>
        <translation>{name}（{code}）</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <location filename="../../station_app/ui/form_rows.py" line="114"/>
        <source>Open the existing record</source>
        <translation>打开已有记录</translation>
    </message>
</context>
<context>
    <name>RecordFormDialog</name>
    <message>
        <location filename="../../station_app/ui/record_form.py" line="68"/>
        <source>Reload the record</source>
        <translation>重新载入记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/record_form.py" line="75"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/record_form.py" line="77"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/record_form.py" line="175"/>
        <source>This is the record already registered.</source>
        <translation>这是已登记的记录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/record_form.py" line="249"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/record_form.py" line="272"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/record_form.py" line="276"/>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的项目。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/record_form.py" line="289"/>
        <source>Someone else changed this record after you opened it. Nothing was saved. Reload the record to see the current version, then make your changes again.</source>
        <translation>在您打开此记录后，其他人修改了它，本次未保存。请重新载入记录查看最新内容，然后再修改。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/record_form.py" line="296"/>
        <source>Could not save: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
    <message>
        <source>Could not open the record: {reason}</source>
        <translation>无法打开记录：{reason}</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../station_app/ui/record_page.py" line="56"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="287"/>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="288"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="290"/>
        <source>Enter the new password for {name} ({username}).</source>
        <translation>请输入 {name}（{username}）的新密码。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="297"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/dialogs.py" line="298"/>
        <source>Password again:</source>
        <translation>确认密码：</translation>
    </message>
</context>
<context>
    <name>ResidentFields</name>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="70"/>
        <source>18 characters; birth date and sex follow</source>
        <translation>18 位，出生日期和性别自动识别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="75"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="77"/>
        <source>Choose the community</source>
        <translation>请选择社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="79"/>
        <source>{name} ({street})</source>
        <translation>{name}（{street}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="83"/>
        <location filename="../../station_app/ui/residents/fields.py" line="87"/>
        <location filename="../../station_app/ui/residents/fields.py" line="101"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="106"/>
        <source>Agrees to the use of personal information</source>
        <translation>同意使用个人信息</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="124"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="125"/>
        <source>Birth date / sex</source>
        <translation>出生日期/性别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="126"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="127"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="128"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="129"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="130"/>
        <source>Household registration</source>
        <translation>户籍性质</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="131"/>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="132"/>
        <source>Employment status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="133"/>
        <source>Employment status history</source>
        <translation>就业状态记录</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="136"/>
        <source>Desired occupation</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="138"/>
        <source>Desired monthly salary (yuan)</source>
        <translation>期望月薪（元）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="147"/>
        <source>Consent</source>
        <translation>信息使用授权</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="148"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="150"/>
        <source>Skills (occupations the person can do)</source>
        <translation>技能（能从事的职业）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="154"/>
        <source>Key groups</source>
        <translation>重点群体</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="191"/>
        <source>Filled in from the ID number</source>
        <translation>根据身份证号码自动填写</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="194"/>
        <source>{birth_date}, {sex}</source>
        <translation>{birth_date}，{sex}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="203"/>
        <source>{date} {status}</source>
        <comment>status history: date, status</comment>
        <translation>{date} {status}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/fields.py" line="207"/>
        <source>{entry} — {note}</source>
        <comment>status history: entry, note</comment>
        <translation>{entry}——{note}</translation>
    </message>
</context>
<context>
    <name>ResidentFormDialog</name>
    <message>
        <location filename="../../station_app/ui/residents/form.py" line="51"/>
        <source>Register a resident</source>
        <translation>登记居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/form.py" line="79"/>
        <source>This resident no longer exists.</source>
        <translation>该居民记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/form.py" line="82"/>
        <source>Edit resident: {name}</source>
        <translation>修改居民信息：{name}</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/form.py" line="134"/>
        <source>Choose an occupation from the list.</source>
        <translation>请从列表中选择职业。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/form.py" line="74"/>
        <source>This ID number is already registered.</source>
        <translation>该身份证号码已经登记过。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/form.py" line="78"/>
        <source>This resident no longer exists. Nothing was saved.</source>
        <translation>该居民记录已不存在，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <location filename="../../station_app/ui/residents/table_model.py" line="35"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/table_model.py" line="36"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/table_model.py" line="37"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/table_model.py" line="38"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/table_model.py" line="39"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/table_model.py" line="40"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/table_model.py" line="41"/>
        <source>Employment status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/table_model.py" line="42"/>
        <source>Key groups</source>
        <translation>重点群体</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/table_model.py" line="149"/>
        <source>Born {date}</source>
        <translation>出生于 {date}</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <location filename="../../station_app/ui/residents/page.py" line="64"/>
        <source>Name, pinyin initials, part of the ID number or last digits of the phone</source>
        <translation>姓名、拼音首字母、身份证号码的一部分或电话尾号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/page.py" line="66"/>
        <source>Register a new resident</source>
        <translation>登记新居民</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/residents/page.py" line="71"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/residents/page.py" line="92"/>
        <source>%n resident(s); preparing the search…</source>
        <translation>
            <numerusform>共 %n 人；正在准备搜索…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/residents/page.py" line="109"/>
        <source>First %n shown; type more to narrow the search</source>
        <translation>
            <numerusform>仅显示前 %n 人，请输入更多内容缩小范围</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/residents/page.py" line="111"/>
        <source>%n resident(s)</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="48"/>
        <source>Set up the station</source>
        <translation>驿站初始设置</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="62"/>
        <source>for example 341282001001</source>
        <translation>例如 341282001001</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="63"/>
        <source>for example Renmin Road Community</source>
        <translation>例如 人民路社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="64"/>
        <source>letters and digits, for example admin</source>
        <translation>字母和数字，例如 admin</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="70"/>
        <source>This computer is not set up yet. Enter the community this employment station serves and create the administrator&apos;s account.</source>
        <translation>本机尚未设置。请填写本就业驿站服务的社区，并创建管理员账号。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="76"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="79"/>
        <source>Community code:</source>
        <translation>社区代码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="82"/>
        <source>Community name:</source>
        <translation>社区名称：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="84"/>
        <source>Street / township:</source>
        <translation>街道/乡镇：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="85"/>
        <source>Latitude:</source>
        <translation>纬度：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="86"/>
        <source>Longitude:</source>
        <translation>经度：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="88"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="90"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="91"/>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="92"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="93"/>
        <source>Password again:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/setup_dialog.py" line="101"/>
        <source>Set up</source>
        <translation>完成设置</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/setup_dialog.py" line="1"/>
        <source>Setting up the station…</source>
        <translation>正在设置驿站…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../station_app/ui/startup.py" line="47"/>
        <source>Opening the station database…</source>
        <translation>正在打开驿站数据库…</translation>
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
        <location filename="../../station_app/ui/counter/users/page.py" line="67"/>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="68"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="69"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="70"/>
        <location filename="../../station_app/ui/counter/users/page.py" line="309"/>
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="112"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter/users/page.py" line="132"/>
        <source>%n user(s), {active} active</source>
        <translation>
            <numerusform>共 %n 个用户，{active} 个启用</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="205"/>
        <source>{name} ({username})</source>
        <translation>{name}（{username}）</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="211"/>
        <source>Deactivate the account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="214"/>
        <source>Deactivate the account of {name}? They can no longer log in. Their records and the audit log keep their name; you can activate the account again.</source>
        <translation>要停用 {name} 的账号吗？停用后该用户不能再登录。其经办的记录和操作日志仍保留其姓名；以后可以重新启用该账号。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="219"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="221"/>
        <source>Activate the account</source>
        <translation>启用账号</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="223"/>
        <source>Activate the account of {name} again? They can log in again.</source>
        <translation>要重新启用 {name} 的账号吗？启用后该用户可以再次登录。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="227"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="228"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="241"/>
        <source>The account of {name} is active again.</source>
        <translation>{name} 的账号已重新启用。</translation>
    </message>
    <message>
        <location filename="../../station_app/ui/counter/users/page.py" line="243"/>
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
