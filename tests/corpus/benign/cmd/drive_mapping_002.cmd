REM maintenance 3778 v1
@echo off
net use S: \\files01.corp.fabrikam.com\shared /persistent:yes
net use T: \\files01.corp.fabrikam.com\tools /persistent:yes
setx /M TOOLS_HOME "T:\"
setx /M PATH "%PATH%;C:\Program Files\Contoso\bin"
