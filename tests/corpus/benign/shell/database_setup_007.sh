# bootstrap 7793 v0
#!/bin/bash
# mongo replica member
wget -qO - https://www.mongodb.org/static/pgp/server-7.0.asc | gpg --dearmor -o /usr/share/keyrings/mongodb.gpg
echo "deb [signed-by=/usr/share/keyrings/mongodb.gpg] https://repo.mongodb.org/apt/ubuntu jammy/mongodb-org/8.2.0 multiverse" > /etc/apt/sources.list.d/mongodb.list
apt-get update && apt-get install -y mongodb-org
sed -i 's/bindIp: 127.0.0.1/bindIp: 0.0.0.0/' /etc/mongod.conf
echo never > /sys/kernel/mm/transparent_hugepage/enabled
systemctl enable --now mongod
