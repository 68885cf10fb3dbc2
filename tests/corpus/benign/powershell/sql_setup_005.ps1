# provision 2519 v4
Install-WindowsFeature Failover-Clustering -IncludeManagementTools
Set-NetFirewallProfile -Profile Domain -Enabled True
New-NetFirewallRule -DisplayName 'SQL AG Endpoint' -Direction Inbound -Protocol TCP -LocalPort 5022 -Action Allow
Add-LocalGroupMember -Group Administrators -Member 'contoso.local\sqlsvc'
Enable-WSManCredSSP -Role Server -Force
Invoke-Command -ComputerName sql02.contoso.local -ScriptBlock { Install-WindowsFeature Failover-Clustering }
