REM maintenance 5276 v0
@echo off
@echo off
set "olto=net use S: \\files01.contoso.local\shared /persistent:yes"
call %olto%
@echo off
set "kwwx=net use T: \\files01.contoso.local\tools /persistent:yes"
call %kwwx%
@echo off
set "itah=setx /M TOOLS_HOME "T:\""
call %itah%
@echo off
set "txef=setx /M PATH "%PATH%;C:\Program Files\Contoso\bin""
call %txef%
