# setup 1428 v2
#!/bin/bash
set -euo pipefail
apt-get update -y
DEBIAN_FRONTEND=noninteractive apt-get install -y unzip nginx certbot python3-certbot-nginx
cat > /etc/nginx/sites-available/shop-frontend <<'EOF'
server {
    listen 80;
    server_name shop-frontend.contoso.com;
    root /var/www/shop-frontend;
    location / { try_files $uri $uri/ =404; }
}
EOF
ln -sf /etc/nginx/sites-available/shop-frontend /etc/nginx/sites-enabled/shop-frontend
nginx -t
systemctl enable nginx
systemctl restart nginx
ufw allow 'Nginx Full'
