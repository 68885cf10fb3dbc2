REM config 4537 v3
@echo off
net use S: \\files01.contoso.local\shared /persistent:yes
net use T: \\files01.contoso.local\tools /persistent:yes
setx /M TOOLS_HOME "T:\"
setx /M PATH "%PATH%;C:\Program Files\Contoso\bin"
