# task 7620 v3
#!/bin/bash
set -euo pipefail
apt-get update -y
DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy nginx certbot python3-certbot-nginx
cat > /etc/nginx/sites-available/contoso-web <<'EOF'
server {
    listen 80;
    server_name contoso-web.contoso.com;
    root /var/www/contoso-web;
    location / { try_files $uri $uri/ =404; }
}
EOF
ln -sf /etc/nginx/sites-available/contoso-web /etc/nginx/sites-enabled/contoso-web
nginx -t
systemctl enable nginx
systemctl restart nginx
ufw allow 'Nginx Full'
