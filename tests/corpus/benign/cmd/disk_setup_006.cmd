REM task 8865 v5
@echo off
echo select disk 2 > %TEMP%\dp.txt
echo create partition primary >> %TEMP%\dp.txt
echo format fs=ntfs quick label=Data >> %TEMP%\dp.txt
echo assign letter=E >> %TEMP%\dp.txt
diskpart /s %TEMP%\dp.txt
del %TEMP%\dp.txt
