# setup 4552 v4
#!/bin/bash
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get -y upgrade
apt-get install -y unattended-upgrades fail2ban unzip
dpkg-reconfigure -f noninteractive unattended-upgrades
systemctl enable --now fail2ban
curl -sL https://aka.ms/InstallAzureCLIDeb | sudo bash
