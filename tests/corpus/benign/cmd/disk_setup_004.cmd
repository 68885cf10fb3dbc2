REM maintenance 7440 v3
@echo off
echo select disk 2 > %TEMP%\dp.txt
echo create partition primary >> %TEMP%\dp.txt
echo format fs=ntfs quick label=Data >> %TEMP%\dp.txt
echo assign letter=G >> %TEMP%\dp.txt
diskpart /s %TEMP%\dp.txt
del %TEMP%\dp.txt
