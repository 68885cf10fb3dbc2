# task 1656 v4
$limit = (Get-Date).AddDays(-30)
Get-ChildItem -Path C:\inetpub\logs\LogFiles -Recurse -File | Where-Object { $_.LastWriteTime -lt $limit } | Remove-Item -Force
Get-ChildItem -Path C:\ProgramData\reports\logs -Recurse -Include *.log | Where-Object { $_.Length -gt 100MB } | Remove-Item
Write-Output "log cleanup done"
