# run 7223 v3
#!/bin/bash
set -euo pipefail
apt-get update -y
DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy nginx certbot python3-certbot-nginx
cat > /etc/nginx/sites-available/fabrikam-api <<'EOF'
server {
    listen 80;
    server_name fabrikam-api.contoso.com;
    root /var/www/fabrikam-api;
    location / { try_files $uri $uri/ =404; }
}
EOF
ln -sf /etc/nginx/sites-available/fabrikam-api /etc/nginx/sites-enabled/fabrikam-api
nginx -t
systemctl enable nginx
systemctl restart nginx
ufw allow 'Nginx Full'
