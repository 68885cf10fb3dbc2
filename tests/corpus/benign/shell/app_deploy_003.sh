# maintenance 9092 v2
#!/bin/bash
set -euo pipefail
APP_DIR=/srv/shop-frontend
git clone --depth 1 https://github.com/contoso/shop-frontend.git $APP_DIR || (cd $APP_DIR && git pull)
python3 -m venv $APP_DIR/.venv
$APP_DIR/.venv/bin/pip install -r $APP_DIR/requirements.txt
cat > /etc/systemd/system/shop-frontend.service <<EOF
[Unit]
Description=shop-frontend gunicorn
After=network.target
[Service]
User=appsvc
WorkingDirectory=$APP_DIR
ExecStart=$APP_DIR/.venv/bin/gunicorn -w 4 -b 127.0.0.1:8000 app:app
Restart=always
[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload && systemctl enable --now shop-frontend
