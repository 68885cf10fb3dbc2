# provision 1530 v1
$zip = "$env:TEMP\fabrikam-api.zip"
Invoke-WebRequest -Uri "https://stbackupprod01.blob.core.windows.net/releases/fabrikam-api-2.4.1.zip" -OutFile $zip -UseBasicParsing
Stop-WebAppPool -Name 'fabrikam-api'
Expand-Archive -Path $zip -DestinationPath C:\inetpub\fabrikam-api -Force
Start-WebAppPool -Name 'fabrikam-api'
Remove-Item $zip
