# bootstrap 0246 v1
$password = ConvertTo-SecureString $env:JOIN_PASSWORD -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential('corp.fabrikam.com\svc_join', $password)
Add-Computer -DomainName 'corp.fabrikam.com' -Credential $cred -OUPath 'OU=Servers,DC=contoso,DC=local' -Force
Add-LocalGroupMember -Group 'Administrators' -Member 'corp.fabrikam.com\Server Admins'
Restart-Computer -Force
