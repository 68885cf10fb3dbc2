# provision 0579 v4
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -File C:\Scripts\Backup-reports.ps1'
$trigger = New-ScheduledTaskTrigger -Daily -At 2am
Register-ScheduledTask -TaskName 'Backup-reports' -Action $action -Trigger $trigger -User 'NT AUTHORITY\SYSTEM' -RunLevel Highest
@'
$stamp = Get-Date -Format yyyyMMdd
Compress-Archive -Path C:\inetpub\reports -DestinationPath "D:\Backups\reports-$stamp.zip"
Get-ChildItem D:\Backups -Filter *.zip | Where-Object LastWriteTime -lt (Get-Date).AddDays(-14) | Remove-Item
'@ | Set-Content C:\Scripts\Backup-reports.ps1
