# task 7184 v1
Enable-PSRemoting -Force -SkipNetworkProfileCheck
Set-Item WSMan:\localhost\Client\TrustedHosts -Value '*.contoso.local' -Force
winrm quickconfig -quiet
New-NetFirewallRule -DisplayName 'WinRM HTTPS' -Direction Inbound -LocalPort 5986 -Protocol TCP -Action Allow
Invoke-Command -ComputerName web01.contoso.local -ScriptBlock { Get-Service W3SVC }
