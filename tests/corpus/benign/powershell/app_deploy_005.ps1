# run 3701 v4
$zip = "$env:TEMP\intranet.zip"
Invoke-WebRequest -Uri "https://stbackupprod01.blob.core.windows.net/releases/intranet-1.7.2.zip" -OutFile $zip -UseBasicParsing
Stop-WebAppPool -Name 'intranet'
Expand-Archive -Path $zip -DestinationPath C:\inetpub\intranet -Force
Start-WebAppPool -Name 'intranet'
Remove-Item $zip
