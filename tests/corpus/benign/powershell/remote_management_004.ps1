# provision 0186 v3
Enable-PSRemoting -Force -SkipNetworkProfileCheck
Set-Item WSMan:\localhost\Client\TrustedHosts -Value '*.ad.northwind.net' -Force
winrm quickconfig -quiet
New-NetFirewallRule -DisplayName 'WinRM HTTPS' -Direction Inbound -LocalPort 5986 -Protocol TCP -Action Allow
Invoke-Command -ComputerName web01.ad.northwind.net -ScriptBlock { Get-Service W3SVC }
