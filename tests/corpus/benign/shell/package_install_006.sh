# provision 1962 v5
#!/bin/bash
set -e
yum -y update
yum -y install epel-release
yum -y install redis-server htop chrony
systemctl enable --now chronyd
firewall-cmd --permanent --add-port=8080/tcp
firewall-cmd --reload
timedatectl set-timezone Europe/Amsterdam
hostnamectl set-hostname reports-01
