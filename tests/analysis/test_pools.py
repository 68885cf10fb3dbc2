"""A pool analyses in worker processes exactly as the engine does in-process, and cleans up after itself."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

import pytest

from inspector.analysis.engine import AnalysisEngine, RootPayload, analyze_payloads
from inspector.analysis.pools import AnalysisPool
from inspector.config import Settings
from inspector.model import ArtifactType
from inspector.rules import Ruleset, load_ruleset
from inspector.stage import ScanLimits
from tests.processes import killed_parent_leaves_no_worker
from tests.timing import GIVE_UP_S

SCRIPT = b"Invoke-Mimikatz -DumpCreds\nvssadmin delete shadows /all /quiet\n"


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(fetch=False)


@pytest.fixture(scope="module")
def ruleset(settings: Settings) -> Ruleset:
    return load_ruleset(settings)


@pytest.fixture(scope="module")
def pool(ruleset: Ruleset, settings: Settings) -> Iterator[AnalysisPool]:
    started = AnalysisPool.start(ruleset, settings, workers=2)
    yield started
    started.shutdown(wait=True, cancel_futures=True)


async def test_warm_up_starts_every_worker(pool: AnalysisPool) -> None:
    assert await pool.warm_up(timeout_s=GIVE_UP_S) == pool.size == 2  # a worker's start takes seconds when loaded


async def test_a_worker_analyses_as_the_engine_does_in_process(pool: AnalysisPool, ruleset: Ruleset,
                                                               settings: Settings) -> None:
    roots = [RootPayload(data=SCRIPT, origin="content", role="submitted")]
    limits = ScanLimits.from_settings(settings)
    pooled = await pool.analyze(roots, limits, ())
    inline = analyze_payloads(roots, AnalysisEngine.build(ruleset.rules, settings), limits)
    assert pooled.artifacts == inline.artifacts and pooled.findings == inline.findings
    assert "yara.core.mimikatz" in {f.id for f in pooled.findings}


def test_the_compiled_rules_sit_in_a_private_folder_removed_at_shutdown(ruleset: Ruleset,
                                                                       settings: Settings) -> None:
    unused = AnalysisPool.start(ruleset, settings, workers=1)  # workers start on first use: none here
    folder = unused.rules_path.parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert unused.rules_path.read_bytes() == ruleset.to_bytes()
    unused.shutdown(wait=True)
    assert not folder.exists()


def test_without_a_worker_count_there_is_one_worker_per_cpu(ruleset: Ruleset, settings: Settings) -> None:
    unused = AnalysisPool.start(ruleset, settings)
    try:
        assert unused.size == max(1, os.cpu_count() or 1)
    finally:
        unused.shutdown(wait=True)


async def test_workers_evaluate_the_parents_sigma_rules(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.sigma.helpers import rule_yaml

    folder = tmp_path_factory.mktemp("sigma")
    (folder / "r.yml").write_text(rule_yaml("sel:\n  ScriptBlockText|contains: 'invoke-mimikatz'\ncondition: sel",
                                            category="ps_script", rule_id="1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"))
    with_sigma = settings.model_copy(update={"sigma_dirs": [folder]})
    ruleset = load_ruleset(with_sigma)
    pool = AnalysisPool.start(ruleset, with_sigma, workers=1)
    try:
        roots = [RootPayload(data=SCRIPT, origin="content", role="submitted", type_hint=ArtifactType.POWERSHELL)]
        pooled = await pool.analyze(roots, ScanLimits.from_settings(with_sigma), ())
    finally:
        pool.shutdown(wait=True)
    assert "sigma.1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" in {f.id for f in pooled.findings}


def test_workers_end_by_themselves_when_the_service_is_killed() -> None:
    # A service killed with SIGKILL (or by the OOM killer) stops nothing; its workers, each
    # holding compiled rules, must not stay behind waiting for work.
    killed_parent_leaves_no_worker(
        "import asyncio, time\n"
        "from inspector.analysis.pools import AnalysisPool\n"
        "from inspector.config import Settings\n"
        "from inspector.rules import load_ruleset\n"
        "settings = Settings(fetch=False)\n"
        "pool = AnalysisPool.start(load_ruleset(settings), settings, workers=2)\n"
        "print(asyncio.run(pool.warm_up(timeout_s=600)), flush=True)\n"
        "time.sleep(600)\n")
