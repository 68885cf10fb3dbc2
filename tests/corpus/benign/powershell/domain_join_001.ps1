# provision 0579 v0
$password = ConvertTo-SecureString $env:JOIN_PASSWORD -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential('contoso.local\svc_join', $password)
Add-Computer -DomainName 'contoso.local' -Credential $cred -OUPath 'OU=Servers,DC=contoso,DC=local' -Force
Add-LocalGroupMember -Group 'Administrators' -Member 'contoso.local\Server Admins'
Restart-Computer -Force
