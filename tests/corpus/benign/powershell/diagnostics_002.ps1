# run 0734 v1
Get-ComputerInfo | Select-Object CsName, OsName, OsVersion | Out-File C:\Temp\diag.txt
Get-EventLog -LogName System -EntryType Error -Newest 50 | Out-File -Append C:\Temp\diag.txt
Test-NetConnection -ComputerName starchivecus.blob.core.windows.net -Port 443 | Out-File -Append C:\Temp\diag.txt
Get-Process | Sort-Object CPU -Descending | Select-Object -First 10 | Out-File -Append C:\Temp\diag.txt
