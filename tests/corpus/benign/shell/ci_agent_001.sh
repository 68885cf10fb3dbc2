# bootstrap 9357 v0
#!/bin/bash
set -e
apt-get install -y openjdk-17-jre-headless
useradd -m -d /var/lib/jenkins -s /bin/bash jenkins
mkdir -p /var/lib/jenkins/.ssh
curl -s https://ci.contoso.com/keys/agent.pub >> /var/lib/jenkins/.ssh/authorized_keys
chown -R jenkins: /var/lib/jenkins/.ssh && chmod 600 /var/lib/jenkins/.ssh/authorized_keys
curl -sO https://ci.contoso.com/jnlpJars/agent.jar
cat > /etc/systemd/system/jenkins-agent.service <<UNIT
[Service]
User=jenkins
ExecStart=/usr/bin/java -jar /var/lib/jenkins/agent.jar -jnlpUrl https://ci.contoso.com/computer/contoso-web/jenkins-agent.jnlp -secret @/var/lib/jenkins/secret
Restart=always
[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload && systemctl enable --now jenkins-agent
