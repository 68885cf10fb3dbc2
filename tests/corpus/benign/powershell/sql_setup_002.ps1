# run 3775 v1
Install-WindowsFeature Failover-Clustering -IncludeManagementTools
Set-NetFirewallProfile -Profile Domain -Enabled True
New-NetFirewallRule -DisplayName 'SQL AG Endpoint' -Direction Inbound -Protocol TCP -LocalPort 5022 -Action Allow
Add-LocalGroupMember -Group Administrators -Member 'ad.northwind.net\sqlsvc'
Enable-WSManCredSSP -Role Server -Force
Invoke-Command -ComputerName sql02.ad.northwind.net -ScriptBlock { Install-WindowsFeature Failover-Clustering }
