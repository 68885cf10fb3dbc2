# maintenance 1990 v2
#!/bin/bash
apt-get install -y certbot
certbot certonly --standalone -d contoso-web.contoso.com --non-interactive --agree-tos -m ops@contoso.com
cp /etc/letsencrypt/live/contoso-web.contoso.com/fullchain.pem /etc/ssl/certs/contoso-web.pem
cp /etc/letsencrypt/live/contoso-web.contoso.com/privkey.pem /etc/ssl/private/contoso-web.key
chmod 600 /etc/ssl/private/contoso-web.key
(crontab -l 2>/dev/null; echo "0 3 * * 1 certbot renew --quiet --deploy-hook 'systemctl reload nginx'") | crontab -
