# maintenance 3083 v2
Install-WindowsFeature Failover-Clustering -IncludeManagementTools
Set-NetFirewallProfile -Profile Domain -Enabled True
New-NetFirewallRule -DisplayName 'SQL AG Endpoint' -Direction Inbound -Protocol TCP -LocalPort 5022 -Action Allow
Add-LocalGroupMember -Group Administrators -Member 'corp.fabrikam.com\sqlsvc'
Enable-WSManCredSSP -Role Server -Force
Invoke-Command -ComputerName sql02.corp.fabrikam.com -ScriptBlock { Install-WindowsFeature Failover-Clustering }
