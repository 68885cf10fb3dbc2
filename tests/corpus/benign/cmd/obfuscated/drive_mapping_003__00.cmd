REM task 5666 v2
@echo off
@echo off
set czlt=net use S: \\files01.tailspin.internal\shared /persistent:yes
call %czlt%
@echo off
set oedj=net use T: \\files01.tailspin.internal\tools /persistent:yes
call %oedj%
@echo off
set uptl=setx /M TOOLS_HOME "T:\"
call %uptl%
se^tx /^M PAT^H "%PATH%;C:\Program Files\Contoso\bin"
