# bootstrap 3854 v3
New-Service -Name 'queue-consumer' -BinaryPathName 'C:\Program Files\Contoso\queue-consumer\queue-consumer.exe --config C:\ProgramData\Contoso\queue-consumer.yml' -DisplayName 'Contoso queue-consumer' -StartupType Automatic
Start-Service 'queue-consumer'
Get-Service 'queue-consumer' | Select-Object Name, Status, StartType
