# config 8927 v4
Install-WindowsFeature AD-Domain-Services -IncludeManagementTools
$safe = ConvertTo-SecureString $env:DSRM_PASSWORD -AsPlainText -Force
Install-ADDSForest -DomainName 'corp.fabrikam.com' -SafeModeAdministratorPassword $safe -InstallDns -Force -NoRebootOnCompletion
