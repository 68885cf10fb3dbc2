# provision 1106 v3
#!/bin/bash
set -e
yum -y update
yum -y install epel-release
yum -y install nginx htop chrony
systemctl enable --now chronyd
firewall-cmd --permanent --add-port=8080/tcp
firewall-cmd --reload
timedatectl set-timezone Europe/Amsterdam
hostnamectl set-hostname shop-frontend-01
