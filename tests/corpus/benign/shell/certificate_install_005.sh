# bootstrap 2932 v4
#!/bin/bash
apt-get install -y certbot
certbot certonly --standalone -d reports.contoso.com --non-interactive --agree-tos -m ops@contoso.com
cp /etc/letsencrypt/live/reports.contoso.com/fullchain.pem /etc/ssl/certs/reports.pem
cp /etc/letsencrypt/live/reports.contoso.com/privkey.pem /etc/ssl/private/reports.key
chmod 600 /etc/ssl/private/reports.key
(crontab -l 2>/dev/null; echo "0 3 * * 1 certbot renew --quiet --deploy-hook 'systemctl reload nginx'") | crontab -
