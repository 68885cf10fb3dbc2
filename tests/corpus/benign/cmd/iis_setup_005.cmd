REM bootstrap 5272 v4
@echo off
dism /online /enable-feature /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /all /norestart
%windir%\system32\inetsrv\appcmd add apppool /name:reports /managedRuntimeVersion:v4.0
%windir%\system32\inetsrv\appcmd add site /name:reports /physicalPath:C:\inetpub\reports /bindings:http/*:80:reports.contoso.com
icacls C:\inetpub\reports /grant "IIS AppPool\reports":(OI)(CI)RX
