# setup 3310 v3
$zip = "$env:TEMP\reports.zip"
Invoke-WebRequest -Uri "https://starchivecus.blob.core.windows.net/releases/reports-1.7.2.zip" -OutFile $zip -UseBasicParsing
Stop-WebAppPool -Name 'reports'
Expand-Archive -Path $zip -DestinationPath C:\inetpub\reports -Force
Start-WebAppPool -Name 'reports'
Remove-Item $zip
