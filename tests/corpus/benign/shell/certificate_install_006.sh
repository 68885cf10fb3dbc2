# provision 2563 v5
#!/bin/bash
apt-get install -y certbot
certbot certonly --standalone -d intranet.contoso.com --non-interactive --agree-tos -m ops@contoso.com
cp /etc/letsencrypt/live/intranet.contoso.com/fullchain.pem /etc/ssl/certs/intranet.pem
cp /etc/letsencrypt/live/intranet.contoso.com/privkey.pem /etc/ssl/private/intranet.key
chmod 600 /etc/ssl/private/intranet.key
(crontab -l 2>/dev/null; echo "0 3 * * 1 certbot renew --quiet --deploy-hook 'systemctl reload nginx'") | crontab -
