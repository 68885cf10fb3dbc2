REM setup 0219 v0
@echo off
^ms^i^ex^e^c /i "%~dp0metrics-exporter-1.19.4-x64.msi" /qn /^nor^est^art /l*^v C:\^L^ogs\^me^t^rics-^exp^o^r^t^e^r-i^nstal^l.lo^g
^i^f %ERRORLEVEL% NEQ 0 ^ex^i^t /^b %ERRORLEVEL%
@echo off
set kcnf=sc config metrics-exporter start= auto
call %kcnf%
@echo off
set jsrz=net start metrics-exporter
call %jsrz%
