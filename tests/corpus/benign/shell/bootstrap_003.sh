# bootstrap 1306 v2
#!/bin/bash
# bootstrap settings from the VM's userData
USERDATA=$(curl -s -H Metadata:true --noproxy "*" "http://169.254.169.254/metadata/instance/compute/userData?api-version=2021-01-01&format=text" | base64 --decode)
echo "$USERDATA" > /etc/nginx/bootstrap.env
systemctl restart nginx
