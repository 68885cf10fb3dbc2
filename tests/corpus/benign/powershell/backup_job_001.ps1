# init 9723 v0
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -File C:\Scripts\Backup-fabrikam-api.ps1'
$trigger = New-ScheduledTaskTrigger -Daily -At 2am
Register-ScheduledTask -TaskName 'Backup-fabrikam-api' -Action $action -Trigger $trigger -User 'NT AUTHORITY\SYSTEM' -RunLevel Highest
@'
$stamp = Get-Date -Format yyyyMMdd
Compress-Archive -Path C:\inetpub\fabrikam-api -DestinationPath "D:\Backups\fabrikam-api-$stamp.zip"
Get-ChildItem D:\Backups -Filter *.zip | Where-Object LastWriteTime -lt (Get-Date).AddDays(-14) | Remove-Item
'@ | Set-Content C:\Scripts\Backup-fabrikam-api.ps1
