"""Miners: pool, wallet, options and competitor killing; huge pages alone is a database tweak."""

from __future__ import annotations

from tests.analyzers.heuristics.helpers import ids, score

WALLET = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"


def test_a_miner_with_pool_and_wallet_is_malicious_alone() -> None:
    text = f"./xmrig -o stratum+tcp://pool.supportxmr.com:3333 -u {WALLET} -p x --donate-level 1"
    found = ids(text)
    assert {
        "heur.miners.miner_binary", "heur.miners.stratum_url", "heur.miners.pool_domain",
        "heur.miners.monero_wallet", "heur.miners.miner_options",
    } <= found
    assert score(text) >= 1000


def test_pool_hosts_come_from_the_intel_list() -> None:
    assert "heur.miners.pool_domain" in ids('{"url": "gulf.moneroocean.stream:10128"}')
    assert "heur.miners.pool_domain" not in ids('{"url": "db.moneroocean-lookalike.example:10128"}')


def test_killing_competing_miners_is_detected() -> None:
    assert "heur.miners.kill_competitors" in ids("pkill -f kdevtmpfsi; killall -9 kinsing")
    assert score("pkill -f kdevtmpfsi; killall -9 kinsing") >= 300


def test_wallet_shaped_hex_needs_payment_context() -> None:
    hexish = "0x7a2b93c4d81f0e2b6b0c8b9a4f55e3c1d2a9e8f1"
    assert "heur.miners.wallet" in ids(f"./t-rex -a ethash -o pool:4444 -u {hexish}")
    assert "heur.miners.wallet" not in ids(f"CONTRACT_HASH={hexish}")


def test_huge_pages_for_a_database_is_not_suspicious() -> None:
    text = "echo 'vm.nr_hugepages = 1024' > /etc/sysctl.d/60-hugepages.conf\nsysctl -p"
    assert "heur.miners.huge_pages" in ids(text)
    assert score(text) < 100


def test_random_base64_does_not_contain_wallets() -> None:
    import base64
    import random

    rng = random.Random(7)
    blob = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(600_000))).decode()
    found = ids(f"$data = '{blob}'")
    assert "heur.miners.monero_wallet" not in found and "heur.miners.wallet" not in found


def test_miner_names_count_only_as_words_not_inside_random_base64() -> None:
    blob = "TWFueSBoYW5kcyBtYWtlIGxpZ2h0IHdvcmsuXmRIGqQ7aZ0vXmRIG3kP" * 3
    assert "heur.miners.miner_binary" not in ids(f"$data = '{blob}'", "powershell")
    for line in ("./xmrig -o pool:3333", "C:\\\\tools\\\\xmrig.exe --help", "wget https://x/xmrig-6.21.tar.gz"):
        assert "heur.miners.miner_binary" in ids(line, "shell"), line
