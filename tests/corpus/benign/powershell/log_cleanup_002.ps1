# run 4372 v1
$limit = (Get-Date).AddDays(-30)
Get-ChildItem -Path C:\inetpub\logs\LogFiles -Recurse -File | Where-Object { $_.LastWriteTime -lt $limit } | Remove-Item -Force
Get-ChildItem -Path C:\ProgramData\intranet\logs -Recurse -Include *.log | Where-Object { $_.Length -gt 100MB } | Remove-Item
Write-Output "log cleanup done"
