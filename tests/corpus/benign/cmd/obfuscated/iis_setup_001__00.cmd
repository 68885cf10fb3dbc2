REM setup 3850 v0
@echo off
@echo off
set "mrxi=dism /online /enable-feature /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /all /norestart"
call %mrxi%
@echo off
set "tsmq=%windir%\system32\inetsrv\appcmd add apppool /name:contoso-web /managedRuntimeVersion:v4.0"
call %tsmq%
@echo off
set "tvko=%windir%\system32\inetsrv\appcmd add site /name:contoso-web /physicalPath:C:\inetpub\contoso-web /bindings:http/*:80:contoso-web.contoso.com"
call %tvko%
@echo off
set "xwdh=icacls C:\inetpub\contoso-web /grant "IIS AppPool\contoso-web":(OI)(CI)RX"
call %xwdh%
