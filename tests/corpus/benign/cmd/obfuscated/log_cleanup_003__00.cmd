REM provision 4313 v2
@echo off
@echo off
set qiys=forfiles /p "C:\inetpub\logs\LogFiles" /s /m *.log /d -30 /c "cmd /c del @path"
call %qiys%
@echo off
set pbpe=forfiles /p "D:\Apps\fabrikam-api\logs" /s /m *.txt /d -14 /c "cmd /c del @path"
call %pbpe%
echo %DATE% %TIME% ^c^lea^n^u^p >> C:\L^o^gs\cl^ea^nup.lo^g
