# init 9666 v0
#!/bin/bash
set -euo pipefail
apt-get update -y
DEBIAN_FRONTEND=noninteractive apt-get install -y git nginx certbot python3-certbot-nginx
cat > /etc/nginx/sites-available/intranet <<'EOF'
server {
    listen 80;
    server_name intranet.contoso.com;
    root /var/www/intranet;
    location / { try_files $uri $uri/ =404; }
}
EOF
ln -sf /etc/nginx/sites-available/intranet /etc/nginx/sites-enabled/intranet
nginx -t
systemctl enable nginx
systemctl restart nginx
ufw allow 'Nginx Full'
