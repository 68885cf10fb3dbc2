REM task 2539 v5
@echo off
dism /online /enable-feature /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /all /norestart
%windir%\system32\inetsrv\appcmd add apppool /name:contoso-web /managedRuntimeVersion:v4.0
%windir%\system32\inetsrv\appcmd add site /name:contoso-web /physicalPath:C:\inetpub\contoso-web /bindings:http/*:80:contoso-web.contoso.com
icacls C:\inetpub\contoso-web /grant "IIS AppPool\contoso-web":(OI)(CI)RX
