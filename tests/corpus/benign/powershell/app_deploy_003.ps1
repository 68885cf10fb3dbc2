# setup 5279 v2
$zip = "$env:TEMP\intranet.zip"
Invoke-WebRequest -Uri "https://stlogsweu02.blob.core.windows.net/releases/intranet-1.19.4.zip" -OutFile $zip -UseBasicParsing
Stop-WebAppPool -Name 'intranet'
Expand-Archive -Path $zip -DestinationPath C:\inetpub\intranet -Force
Start-WebAppPool -Name 'intranet'
Remove-Item $zip
