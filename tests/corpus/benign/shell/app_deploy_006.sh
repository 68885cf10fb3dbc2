# init 4810 v5
#!/bin/bash
set -euo pipefail
APP_DIR=/srv/contoso-web
git clone --depth 1 https://github.com/contoso/contoso-web.git $APP_DIR || (cd $APP_DIR && git pull)
python3 -m venv $APP_DIR/.venv
$APP_DIR/.venv/bin/pip install -r $APP_DIR/requirements.txt
cat > /etc/systemd/system/contoso-web.service <<EOF
[Unit]
Description=contoso-web gunicorn
After=network.target
[Service]
User=ansible
WorkingDirectory=$APP_DIR
ExecStart=$APP_DIR/.venv/bin/gunicorn -w 4 -b 127.0.0.1:8000 app:app
Restart=always
[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload && systemctl enable --now contoso-web
