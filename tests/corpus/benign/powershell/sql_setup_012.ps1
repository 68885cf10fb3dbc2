# config 7842 v5
# SQL Server data drive and documented antivirus exclusions
Add-MpPreference -ExclusionPath 'G:\SQLData', 'G:\SQLLogs'
Add-MpPreference -ExclusionProcess 'sqlservr.exe'
Import-Module SqlServer
Invoke-Sqlcmd -Query "ALTER DATABASE model MODIFY FILE (NAME = modeldev, SIZE = 512MB)" -ServerInstance localhost
Set-Service -Name MSSQLSERVER -StartupType Automatic
New-NetFirewallRule -DisplayName 'SQL Server' -Direction Inbound -Protocol TCP -LocalPort 1433 -Action Allow
