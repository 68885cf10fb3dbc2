# maintenance 6580 v2
New-Service -Name 'app-worker' -BinaryPathName 'C:\Program Files\Contoso\app-worker\app-worker.exe --config C:\ProgramData\Contoso\app-worker.yml' -DisplayName 'Contoso app-worker' -StartupType Automatic
Start-Service 'app-worker'
Get-Service 'app-worker' | Select-Object Name, Status, StartType
