# bootstrap 1827 v2
$zip = "$env:TEMP\fabrikam-api.zip"
Invoke-WebRequest -Uri "https://stlogsweu02.blob.core.windows.net/releases/fabrikam-api-1.7.2.zip" -OutFile $zip -UseBasicParsing
Stop-WebAppPool -Name 'fabrikam-api'
Expand-Archive -Path $zip -DestinationPath C:\inetpub\fabrikam-api -Force
Start-WebAppPool -Name 'fabrikam-api'
Remove-Item $zip
