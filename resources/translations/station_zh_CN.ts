<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>Smart Employment Station</source>
        <translation>智慧就业驿站</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Your saved data is safe; the last action may not have been completed.</source>
        <translation>程序内部出现错误。已保存的数据不受影响，但刚才的操作可能没有完成。</translation>
    </message>
    <message>
        <source>Please tell the technical support. The details are in the log file:
{path}</source>
        <translation>请联系技术支持。详细信息已记录在日志文件中：
{path}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — Smart Employment Station</source>
        <translation>登录 — 智慧就业驿站</translation>
    </message>
    <message>
        <source>Smart Employment Station</source>
        <translation>智慧就业驿站</translation>
    </message>
    <message>
        <source>{community}, {street}</source>
        <translation>{street} {community}</translation>
    </message>
    <message>
        <source>The new language takes effect the next time the program starts.</source>
        <translation>新的语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>Demo database: user name demo, password demo1234</source>
        <translation>演示数据库：用户名 demo，密码 demo1234</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Please try again.</source>
        <translation>用户名或密码不正确，请重新输入。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Smart Employment Station — {community}</source>
        <translation>智慧就业驿站 — {community}</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Station worker</source>
        <translation>驿站工作人员</translation>
    </message>
    <message>
        <source>About Smart Employment Station</source>
        <translation>关于智慧就业驿站</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Smart Employment Station&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Software for the community employment stations of Jieshou.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;智慧就业驿站&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;界首市社区就业驿站工作软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>This database holds invented people for practice, not real residents.</source>
        <translation>此数据库中的人员均为虚构，仅供练习使用，并非真实居民。</translation>
    </message>
    <message>
        <source>Station: {community}, {street}</source>
        <translation>驿站：{street} {community}</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
</context>
<context>
    <name>OccupationCombo</name>
    <message>
        <source>Type part of a name or code</source>
        <translation>输入名称或代码的一部分</translation>
    </message>
</context>
<context>
    <name>OccupationPicker</name>
    <message>
        <source>Find an occupation by name or code</source>
        <translation>按名称或代码查找职业</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>已选：%1</translation>
    </message>
    <message>
        <source>No occupation chosen yet.</source>
        <translation>尚未选择职业。</translation>
    </message>
</context>
<context>
    <name>OccupationWidgets</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ProblemTexts</name>
    <message>
        <source>The person is younger than {age}, the legal working age.</source>
        <translation>未满法定劳动年龄（{age} 周岁）。</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>A name has at most {max} characters.</source>
        <translation>姓名最多 {max} 个字。</translation>
    </message>
    <message>
        <source>A name contains no digits.</source>
        <translation>姓名中不能含有数字。</translation>
    </message>
    <message>
        <source>Choose the community.</source>
        <translation>请选择社区。</translation>
    </message>
    <message>
        <source>An address has at most {max} characters.</source>
        <translation>地址最多 {max} 个字。</translation>
    </message>
    <message>
        <source>Choose an education level from the list.</source>
        <translation>请从列表中选择文化程度。</translation>
    </message>
    <message>
        <source>Unknown occupation code: {codes}. Choose occupations from the list.</source>
        <translation>职业代码 {codes} 不存在，请从列表中选择职业。</translation>
    </message>
    <message>
        <source>The desired salary is out of range.</source>
        <translation>期望薪资超出合理范围。</translation>
    </message>
    <message>
        <source>Enter the date of consent.</source>
        <translation>请填写同意日期。</translation>
    </message>
    <message>
        <source>The date of consent cannot be in the future.</source>
        <translation>同意日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Enter the community's name.</source>
        <translation>请输入社区名称。</translation>
    </message>
    <message>
        <source>Enter the street or township.</source>
        <translation>请输入街道或乡镇。</translation>
    </message>
    <message>
        <source>Enter the community's code.</source>
        <translation>请输入社区代码。</translation>
    </message>
    <message>
        <source>This latitude is outside China.</source>
        <translation>该纬度不在中国境内。</translation>
    </message>
    <message>
        <source>This longitude is outside China.</source>
        <translation>该经度不在中国境内。</translation>
    </message>
    <message>
        <source>This station is already set up.</source>
        <translation>本驿站已经设置过了。</translation>
    </message>
    <message>
        <source>A user name has 2 to 32 letters, digits, '_', '.' or '-'.</source>
        <translation>用户名由 2 到 32 个字母、数字或“_”“.”“-”组成。</translation>
    </message>
    <message>
        <source>Enter the person's name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>A password has at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Enter the employer's name.</source>
        <translation>请输入用人单位名称。</translation>
    </message>
    <message>
        <source>An employer's name has at most {max} characters.</source>
        <translation>用人单位名称最多 {max} 个字。</translation>
    </message>
    <message>
        <source>Choose an industry from the list.</source>
        <translation>请从列表中选择行业。</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>经度和纬度要么都填，要么都不填。</translation>
    </message>
    <message>
        <source>Enter the ID number.</source>
        <translation>请输入身份证号码。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; this one has {length}.</source>
        <translation>身份证号码应为 18 位，当前为 {length} 位。</translation>
    </message>
    <message>
        <source>An ID number is 17 digits followed by a digit or the letter X.</source>
        <translation>身份证号码由 17 位数字加 1 位数字或字母 X 组成。</translation>
    </message>
    <message>
        <source>The ID number does not start with a province code.</source>
        <translation>身份证号码开头不是有效的省份代码。</translation>
    </message>
    <message>
        <source>The birth date {birth_date} in the ID number is not possible.</source>
        <translation>身份证号码中的出生日期 {birth_date} 不存在。</translation>
    </message>
    <message>
        <source>The last character (check character) does not match; please re-check the number.</source>
        <translation>最后一位（校验码）不符，请仔细核对号码。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入联系电话。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline with its area code (for example 0558-4812345).</source>
        <translation>请输入 11 位手机号码，或带区号的固定电话（例如 0558-4812345）。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits; this one has {length}.</source>
        <translation>手机号码应为 11 位，当前为 {length} 位。</translation>
    </message>
    <message>
        <source>Enter the unified social credit code.</source>
        <translation>请输入统一社会信用代码。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters; this one has {length}.</source>
        <translation>统一社会信用代码应为 18 位，当前为 {length} 位。</translation>
    </message>
    <message>
        <source>The character {character} (position {position}) cannot appear in a unified social credit code.</source>
        <translation>统一社会信用代码中不能出现字符 {character}（第 {position} 位）。</translation>
    </message>
    <message>
        <source>The last character (check character) does not match; please re-check the code.</source>
        <translation>最后一位（校验码）不符，请仔细核对代码。</translation>
    </message>
</context>
<context>
    <name>ResidentFields</name>
    <message>
        <source>18 characters; birth date and sex follow</source>
        <translation>18 位，出生日期和性别自动识别</translation>
    </message>
    <message>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <source>Choose the community</source>
        <translation>请选择社区</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Agrees to the use of personal information</source>
        <translation>同意使用个人信息</translation>
    </message>
    <message>
        <source>Open the existing record</source>
        <translation>打开已有记录</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Birth date / sex</source>
        <translation>出生日期/性别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>户籍性质</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>Employment status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <source>Desired occupation</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <source>Desired monthly salary (yuan)</source>
        <translation>期望月薪（元）</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>信息使用授权</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Skills (occupations the person can do)</source>
        <translation>技能（能从事的职业）</translation>
    </message>
    <message>
        <source>Key groups</source>
        <translation>重点群体</translation>
    </message>
    <message>
        <source>Filled in from the ID number</source>
        <translation>根据身份证号码自动填写</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>ResidentFormDialog</name>
    <message>
        <source>Reload the record</source>
        <translation>重新载入记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Register a resident</source>
        <translation>登记居民</translation>
    </message>
    <message>
        <source>This resident no longer exists.</source>
        <translation>该居民记录已不存在。</translation>
    </message>
    <message>
        <source>Edit resident: %1</source>
        <translation>修改居民信息：%1</translation>
    </message>
    <message>
        <source>This is the record already registered.</source>
        <translation>这是已登记的记录。</translation>
    </message>
    <message>
        <source>Choose an occupation from the list.</source>
        <translation>请从列表中选择职业。</translation>
    </message>
    <message>
        <source>This ID number is already registered.</source>
        <translation>该身份证号码已经登记过。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的项目。</translation>
    </message>
    <message>
        <source>Someone else changed this record after you opened it. Nothing was saved. Reload the record to see the current version, then make your changes again.</source>
        <translation>在您打开此记录后，其他人修改了它，本次未保存。请重新载入记录查看最新内容，然后再修改。</translation>
    </message>
    <message>
        <source>This resident no longer exists. Nothing was saved.</source>
        <translation>该居民记录已不存在，未保存任何内容。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>ResidentLabels</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Urban</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>Rural</source>
        <translation>农村</translation>
    </message>
    <message>
        <source>Not employed, seeking work</source>
        <translation>未就业（有就业意愿）</translation>
    </message>
    <message>
        <source>Employed by an employer</source>
        <translation>单位就业</translation>
    </message>
    <message>
        <source>Flexible employment</source>
        <translation>灵活就业</translation>
    </message>
    <message>
        <source>Self-employed or own business</source>
        <translation>自主创业/个体经营</translation>
    </message>
    <message>
        <source>Public welfare post</source>
        <translation>公益性岗位安置</translation>
    </message>
    <message>
        <source>In training or traineeship</source>
        <translation>培训/见习中</translation>
    </message>
    <message>
        <source>Not seeking work for now</source>
        <translation>暂无就业意愿</translation>
    </message>
    <message>
        <source>Person with employment difficulties</source>
        <translation>就业困难人员</translation>
    </message>
    <message>
        <source>Registered unemployed person</source>
        <translation>失业人员</translation>
    </message>
    <message>
        <source>Graduate returning to Jieshou</source>
        <translation>返界高校毕业生</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Labourer lifted out of poverty</source>
        <translation>脱贫劳动力</translation>
    </message>
    <message>
        <source>Monitored against relapse into poverty</source>
        <translation>防返贫监测对象</translation>
    </message>
    <message>
        <source>Veteran</source>
        <translation>退役军人</translation>
    </message>
    <message>
        <source>Person with disability</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <source>Zero-employment family</source>
        <translation>零就业家庭</translation>
    </message>
    <message>
        <source>Receives subsistence allowance</source>
        <translation>低保对象</translation>
    </message>
    <message>
        <source>Difficulties</source>
        <comment>key group, short</comment>
        <translation>就困</translation>
    </message>
    <message>
        <source>Unemployed</source>
        <comment>key group, short</comment>
        <translation>失业</translation>
    </message>
    <message>
        <source>Graduate</source>
        <comment>key group, short</comment>
        <translation>毕业生</translation>
    </message>
    <message>
        <source>Migrant</source>
        <comment>key group, short</comment>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Ex-poverty</source>
        <comment>key group, short</comment>
        <translation>脱贫</translation>
    </message>
    <message>
        <source>Monitored</source>
        <comment>key group, short</comment>
        <translation>监测</translation>
    </message>
    <message>
        <source>Veteran</source>
        <comment>key group, short</comment>
        <translation>退役</translation>
    </message>
    <message>
        <source>Disabled</source>
        <comment>key group, short</comment>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Zero-employment</source>
        <comment>key group, short</comment>
        <translation>零就业</translation>
    </message>
    <message>
        <source>Allowance</source>
        <comment>key group, short</comment>
        <translation>低保</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Employment status</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <source>Key groups</source>
        <translation>重点群体</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>出生于 %1</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <source>Name, pinyin initials, part of the ID number or last digits of the phone</source>
        <translation>姓名、拼音首字母、身份证号码的一部分或电话尾号</translation>
    </message>
    <message>
        <source>Register a new resident</source>
        <translation>登记新居民</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message numerus="yes">
        <source>%n resident(s); preparing the search…</source>
        <translation><numerusform>共 %n 人；正在准备搜索…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>First %n shown; type more to narrow the search</source>
        <translation><numerusform>仅显示前 %n 人，请输入更多内容缩小范围</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n resident(s)</source>
        <translation><numerusform>共 %n 人</numerusform></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up the station</source>
        <translation>驿站初始设置</translation>
    </message>
    <message>
        <source>for example 341282001001</source>
        <translation>例如 341282001001</translation>
    </message>
    <message>
        <source>for example Renmin Road Community</source>
        <translation>例如 人民路社区</translation>
    </message>
    <message>
        <source>letters and digits, for example admin</source>
        <translation>字母和数字，例如 admin</translation>
    </message>
    <message>
        <source>This computer is not set up yet. Enter the community this employment station serves and create the administrator's account.</source>
        <translation>本机尚未设置。请填写本就业驿站服务的社区，并创建管理员账号。</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Community code:</source>
        <translation>社区代码：</translation>
    </message>
    <message>
        <source>Community name:</source>
        <translation>社区名称：</translation>
    </message>
    <message>
        <source>Street / township:</source>
        <translation>街道/乡镇：</translation>
    </message>
    <message>
        <source>Latitude:</source>
        <translation>纬度：</translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation>经度：</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>完成设置</translation>
    </message>
</context>
</TS>
