# init 7796 v3
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -File C:\Scripts\Backup-intranet.ps1'
$trigger = New-ScheduledTaskTrigger -Daily -At 2am
Register-ScheduledTask -TaskName 'Backup-intranet' -Action $action -Trigger $trigger -User 'NT AUTHORITY\SYSTEM' -RunLevel Highest
@'
$stamp = Get-Date -Format yyyyMMdd
Compress-Archive -Path C:\inetpub\intranet -DestinationPath "D:\Backups\intranet-$stamp.zip"
Get-ChildItem D:\Backups -Filter *.zip | Where-Object LastWriteTime -lt (Get-Date).AddDays(-14) | Remove-Item
'@ | Set-Content C:\Scripts\Backup-intranet.ps1
