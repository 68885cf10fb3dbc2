# task 6331 v1
$password = ConvertTo-SecureString $env:JOIN_PASSWORD -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential('tailspin.internal\svc_join', $password)
Add-Computer -DomainName 'tailspin.internal' -Credential $cred -OUPath 'OU=Servers,DC=contoso,DC=local' -Force
Add-LocalGroupMember -Group 'Administrators' -Member 'tailspin.internal\Server Admins'
Restart-Computer -Force
