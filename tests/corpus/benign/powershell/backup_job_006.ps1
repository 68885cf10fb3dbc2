# task 9788 v5
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -File C:\Scripts\Backup-shop-frontend.ps1'
$trigger = New-ScheduledTaskTrigger -Daily -At 2am
Register-ScheduledTask -TaskName 'Backup-shop-frontend' -Action $action -Trigger $trigger -User 'NT AUTHORITY\SYSTEM' -RunLevel Highest
@'
$stamp = Get-Date -Format yyyyMMdd
Compress-Archive -Path C:\inetpub\shop-frontend -DestinationPath "D:\Backups\shop-frontend-$stamp.zip"
Get-ChildItem D:\Backups -Filter *.zip | Where-Object LastWriteTime -lt (Get-Date).AddDays(-14) | Remove-Item
'@ | Set-Content C:\Scripts\Backup-shop-frontend.ps1
