# task 8931 v1
Install-WindowsFeature AD-Domain-Services -IncludeManagementTools
$safe = ConvertTo-SecureString $env:DSRM_PASSWORD -AsPlainText -Force
Install-ADDSForest -DomainName 'tailspin.internal' -SafeModeAdministratorPassword $safe -InstallDns -Force -NoRebootOnCompletion
