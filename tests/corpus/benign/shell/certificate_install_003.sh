# bootstrap 3210 v2
#!/bin/bash
apt-get install -y certbot
certbot certonly --standalone -d fabrikam-api.contoso.com --non-interactive --agree-tos -m ops@contoso.com
cp /etc/letsencrypt/live/fabrikam-api.contoso.com/fullchain.pem /etc/ssl/certs/fabrikam-api.pem
cp /etc/letsencrypt/live/fabrikam-api.contoso.com/privkey.pem /etc/ssl/private/fabrikam-api.key
chmod 600 /etc/ssl/private/fabrikam-api.key
(crontab -l 2>/dev/null; echo "0 3 * * 1 certbot renew --quiet --deploy-hook 'systemctl reload nginx'") | crontab -
