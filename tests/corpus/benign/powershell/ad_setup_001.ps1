# setup 8782 v0
Install-WindowsFeature AD-Domain-Services -IncludeManagementTools
$safe = ConvertTo-SecureString $env:DSRM_PASSWORD -AsPlainText -Force
Install-ADDSForest -DomainName 'contoso.local' -SafeModeAdministratorPassword $safe -InstallDns -Force -NoRebootOnCompletion
