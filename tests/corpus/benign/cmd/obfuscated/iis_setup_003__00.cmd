REM config 2971 v2
@echo off
@echo off
set jpds=dism /online /enable-feature /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /all /norestart
call %jpds%
%windir%\^sys^te^m^32\^i^ne^ts^r^v\a^pp^cm^d add a^p^ppool /nam^e:sh^o^p-f^r^o^n^t^end /^ma^n^age^dR^un^t^im^e^Ve^rsi^on:^v4.0
%windir%\syst^e^m32\^ine^ts^r^v\app^cmd add ^si^te /^nam^e:^shop-f^r^onte^nd /p^hysi^ca^l^P^a^th:C:\i^ne^t^p^u^b\^s^h^o^p-fr^on^te^nd /^b^i^ndi^ngs:^h^ttp/*:^80:s^h^op-^f^ro^n^t^end.c^o^n^to^so.^co^m
@echo off
set qvzu=icacls C:\inetpub\shop-frontend /grant "IIS AppPool\shop-frontend":(OI)(CI)RX
call %qvzu%
