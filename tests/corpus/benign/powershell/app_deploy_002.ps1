# task 7957 v1
$zip = "$env:TEMP\contoso-web.zip"
Invoke-WebRequest -Uri "https://starchivecus.blob.core.windows.net/releases/contoso-web-1.7.2.zip" -OutFile $zip -UseBasicParsing
Stop-WebAppPool -Name 'contoso-web'
Expand-Archive -Path $zip -DestinationPath C:\inetpub\contoso-web -Force
Start-WebAppPool -Name 'contoso-web'
Remove-Item $zip
