# config 3766 v4
New-Service -Name 'api-gateway' -BinaryPathName 'C:\Program Files\Contoso\api-gateway\api-gateway.exe --config C:\ProgramData\Contoso\api-gateway.yml' -DisplayName 'Contoso api-gateway' -StartupType Automatic
Start-Service 'api-gateway'
Get-Service 'api-gateway' | Select-Object Name, Status, StartType
