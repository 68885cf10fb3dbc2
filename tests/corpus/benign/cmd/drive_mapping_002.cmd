REM init 6898 v1
@echo off
net use S: \\files01.ad.northwind.net\shared /persistent:yes
net use T: \\files01.ad.northwind.net\tools /persistent:yes
setx /M TOOLS_HOME "T:\"
setx /M PATH "%PATH%;C:\Program Files\Contoso\bin"
