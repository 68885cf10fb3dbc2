REM task 5666 v2
@echo off
net use S: \\files01.tailspin.internal\shared /persistent:yes
net use T: \\files01.tailspin.internal\tools /persistent:yes
setx /M TOOLS_HOME "T:\"
setx /M PATH "%PATH%;C:\Program Files\Contoso\bin"
