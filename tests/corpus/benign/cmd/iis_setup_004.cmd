REM bootstrap 7037 v3
@echo off
dism /online /enable-feature /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /all /norestart
%windir%\system32\inetsrv\appcmd add apppool /name:shop-frontend /managedRuntimeVersion:v4.0
%windir%\system32\inetsrv\appcmd add site /name:shop-frontend /physicalPath:C:\inetpub\shop-frontend /bindings:http/*:80:shop-frontend.contoso.com
icacls C:\inetpub\shop-frontend /grant "IIS AppPool\shop-frontend":(OI)(CI)RX
