# config 8851 v3
$password = ConvertTo-SecureString $env:JOIN_PASSWORD -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential('ad.northwind.net\svc_join', $password)
Add-Computer -DomainName 'ad.northwind.net' -Credential $cred -OUPath 'OU=Servers,DC=contoso,DC=local' -Force
Add-LocalGroupMember -Group 'Administrators' -Member 'ad.northwind.net\Server Admins'
Restart-Computer -Force
