# maintenance 7808 v5
$zip = "$env:TEMP\contoso-web.zip"
Invoke-WebRequest -Uri "https://stlogsweu02.blob.core.windows.net/releases/contoso-web-2.4.1.zip" -OutFile $zip -UseBasicParsing
Stop-WebAppPool -Name 'contoso-web'
Expand-Archive -Path $zip -DestinationPath C:\inetpub\contoso-web -Force
Start-WebAppPool -Name 'contoso-web'
Remove-Item $zip
