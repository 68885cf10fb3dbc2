# init 4937 v3
#!/bin/bash
apt-get install -y postgresql
echo "vm.nr_hugepages = 1024" > /etc/sysctl.d/60-hugepages.conf
sysctl -p /etc/sysctl.d/60-hugepages.conf
sed -i "s/#listen_addresses = 'localhost'/listen_addresses = '*'/" /etc/postgresql/*/main/postgresql.conf
echo "host all all 10.0.0.0/16 scram-sha-256" >> /etc/postgresql/16/main/pg_hba.conf
systemctl restart postgresql
ufw allow from 10.0.0.0/16 to any port 5432
