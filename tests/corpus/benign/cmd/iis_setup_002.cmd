REM config 0082 v1
@echo off
dism /online /enable-feature /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /all /norestart
%windir%\system32\inetsrv\appcmd add apppool /name:intranet /managedRuntimeVersion:v4.0
%windir%\system32\inetsrv\appcmd add site /name:intranet /physicalPath:C:\inetpub\intranet /bindings:http/*:80:intranet.contoso.com
icacls C:\inetpub\intranet /grant "IIS AppPool\intranet":(OI)(CI)RX
