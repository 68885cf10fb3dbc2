# task 5563 v2
New-Service -Name 'metrics-exporter' -BinaryPathName 'C:\Program Files\Contoso\metrics-exporter\metrics-exporter.exe --config C:\ProgramData\Contoso\metrics-exporter.yml' -DisplayName 'Contoso metrics-exporter' -StartupType Automatic
Start-Service 'metrics-exporter'
Get-Service 'metrics-exporter' | Select-Object Name, Status, StartType
