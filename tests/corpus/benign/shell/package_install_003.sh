# bootstrap 9978 v2
#!/bin/bash
set -e
yum -y update
yum -y install epel-release
yum -y install mariadb-server htop chrony
systemctl enable --now chronyd
firewall-cmd --permanent --add-port=8080/tcp
firewall-cmd --reload
timedatectl set-timezone Europe/Amsterdam
hostnamectl set-hostname intranet-01
