# setup 5406 v1
#!/bin/bash
set -euo pipefail
apt-get update -y
DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy nginx certbot python3-certbot-nginx
cat > /etc/nginx/sites-available/reports <<'EOF'
server {
    listen 80;
    server_name reports.contoso.com;
    root /var/www/reports;
    location / { try_files $uri $uri/ =404; }
}
EOF
ln -sf /etc/nginx/sites-available/reports /etc/nginx/sites-enabled/reports
nginx -t
systemctl enable nginx
systemctl restart nginx
ufw allow 'Nginx Full'
