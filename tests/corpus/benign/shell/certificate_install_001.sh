# task 0827 v0
#!/bin/bash
apt-get install -y certbot
certbot certonly --standalone -d shop-frontend.contoso.com --non-interactive --agree-tos -m ops@contoso.com
cp /etc/letsencrypt/live/shop-frontend.contoso.com/fullchain.pem /etc/ssl/certs/shop-frontend.pem
cp /etc/letsencrypt/live/shop-frontend.contoso.com/privkey.pem /etc/ssl/private/shop-frontend.key
chmod 600 /etc/ssl/private/shop-frontend.key
(crontab -l 2>/dev/null; echo "0 3 * * 1 certbot renew --quiet --deploy-hook 'systemctl reload nginx'") | crontab -
