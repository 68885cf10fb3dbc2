# bootstrap 7779 v0
New-Service -Name 'nginx' -BinaryPathName 'C:\Program Files\Contoso\nginx\nginx.exe --config C:\ProgramData\Contoso\nginx.yml' -DisplayName 'Contoso nginx' -StartupType Automatic
Start-Service 'nginx'
Get-Service 'nginx' | Select-Object Name, Status, StartType
