# bootstrap 7266 v4
$zip = "$env:TEMP\shop-frontend.zip"
Invoke-WebRequest -Uri "https://stbackupprod01.blob.core.windows.net/releases/shop-frontend-8.2.0.zip" -OutFile $zip -UseBasicParsing
Stop-WebAppPool -Name 'shop-frontend'
Expand-Archive -Path $zip -DestinationPath C:\inetpub\shop-frontend -Force
Start-WebAppPool -Name 'shop-frontend'
Remove-Item $zip
