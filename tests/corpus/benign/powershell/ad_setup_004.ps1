# setup 6946 v3
Install-WindowsFeature AD-Domain-Services -IncludeManagementTools
$safe = ConvertTo-SecureString $env:DSRM_PASSWORD -AsPlainText -Force
Install-ADDSForest -DomainName 'ad.northwind.net' -SafeModeAdministratorPassword $safe -InstallDns -Force -NoRebootOnCompletion
