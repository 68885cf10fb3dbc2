REM bootstrap 3346 v0
@echo off
@echo off
set "icuv=net localgroup administrators "contoso.local\Server Admins" /add"
call %icuv%
@echo off
set "cjwi=net localgroup "Remote Desktop Users" "contoso.local\Support Staff" /add"
call %cjwi%
@echo off
set "xqob=gpupdate /force"
call %xqob%
