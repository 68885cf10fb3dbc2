# config 0035 v0
# SQL Server data drive and documented antivirus exclusions
Add-MpPreference -ExclusionPath 'H:\SQLData', 'H:\SQLLogs'
Add-MpPreference -ExclusionProcess 'sqlservr.exe'
Import-Module SqlServer
Invoke-Sqlcmd -Query "ALTER DATABASE model MODIFY FILE (NAME = modeldev, SIZE = 512MB)" -ServerInstance localhost
Set-Service -Name MSSQLSERVER -StartupType Automatic
New-NetFirewallRule -DisplayName 'SQL Server' -Direction Inbound -Protocol TCP -LocalPort 1433 -Action Allow
