REM init 7594 v1
@echo off
dism /online /enable-feature /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /all /norestart
%windir%\system32\inetsrv\appcmd add apppool /name:fabrikam-api /managedRuntimeVersion:v4.0
%windir%\system32\inetsrv\appcmd add site /name:fabrikam-api /physicalPath:C:\inetpub\fabrikam-api /bindings:http/*:80:fabrikam-api.contoso.com
icacls C:\inetpub\fabrikam-api /grant "IIS AppPool\fabrikam-api":(OI)(CI)RX
