# provision 1777 v4
Enable-PSRemoting -Force -SkipNetworkProfileCheck
Set-Item WSMan:\localhost\Client\TrustedHosts -Value '*.corp.fabrikam.com' -Force
winrm quickconfig -quiet
New-NetFirewallRule -DisplayName 'WinRM HTTPS' -Direction Inbound -LocalPort 5986 -Protocol TCP -Action Allow
Invoke-Command -ComputerName web01.corp.fabrikam.com -ScriptBlock { Get-Service W3SVC }
