# provision 9087 v1
Enable-PSRemoting -Force -SkipNetworkProfileCheck
Set-Item WSMan:\localhost\Client\TrustedHosts -Value '*.tailspin.internal' -Force
winrm quickconfig -quiet
New-NetFirewallRule -DisplayName 'WinRM HTTPS' -Direction Inbound -LocalPort 5986 -Protocol TCP -Action Allow
Invoke-Command -ComputerName web01.tailspin.internal -ScriptBlock { Get-Service W3SVC }
