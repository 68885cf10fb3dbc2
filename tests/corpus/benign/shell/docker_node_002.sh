# init 0099 v1
#!/bin/bash
set -e
curl -fsSL https://get.docker.com | sh
usermod -aG docker ansible
mkdir -p /etc/docker
cat > /etc/docker/daemon.json <<EOF
{ "log-driver": "json-file", "log-opts": { "max-size": "50m", "max-file": "3" }, "data-root": "/datadrive" }
EOF
systemctl enable docker
systemctl restart docker
docker run -d --restart unless-stopped -p 8080:80 --name web nginx:stable
