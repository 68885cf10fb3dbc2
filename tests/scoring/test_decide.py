"""Scoring turns findings into a banded verdict and picks alert types by where evidence came from."""

from __future__ import annotations

from inspector.detections import DETECTIONS
from inspector.extensions.kinds import KINDS
from inspector.extensions.plan import InspectionPlan, PlannedUrl, RequestContext, UrlRole
from inspector.model import Artifact, ArtifactType, DetectionSource, Finding, VerdictClass
from inspector.scoring import ALERT_TYPES, Bands, decide, total_score
from inspector.stage import Feed

BANDS = Bands(suspicious=300, malicious=1000)


def artifact(sha: str, origin: str, role: str, parent: str | None = None) -> Artifact:
    return Artifact(sha256=sha, size=10, type=ArtifactType.POWERSHELL, origin=origin, role=role, parent=parent,
                    depth=0 if parent is None else 1)


def finding(fid: str, score: int, sha: str | None = None, source: str = "heuristic", url: str | None = None) -> Finding:
    return Finding(id=fid, source=source, title=fid, score=score, artifact=sha, url=url)  # type: ignore[arg-type]


def test_the_catalog_has_all_sixteen_alert_types_with_severity_and_tactic() -> None:
    assert len(ALERT_TYPES) == 16
    assert ALERT_TYPES["VM_CustomScriptExtensionSuspiciousCmd"].severity == "High"
    assert ALERT_TYPES["VM_SuspiciousMultiExtensionUsage"].tactic == "Reconnaissance"
    assert ALERT_TYPES["VM_VMAccessSuspiciousUsage"].tactic == "Persistence"


def test_the_same_evidence_in_a_layer_and_its_parent_counts_once() -> None:
    findings = [finding("a", 200, "p"), finding("a", 250, "c"), finding("b", 100, "p")]
    assert total_score(findings) == 350


def test_bands_classify_scores() -> None:
    assert BANDS.classify(299) == VerdictClass.CLEAN
    assert BANDS.classify(300) == VerdictClass.SUSPICIOUS
    assert BANDS.classify(999) == VerdictClass.SUSPICIOUS
    assert BANDS.classify(1000) == VerdictClass.MALICIOUS


def test_a_flagged_custom_script_command_raises_the_cmd_alert() -> None:
    plan = InspectionPlan(kind="custom_script_windows")
    arts = [artifact("root", "protectedSettings.commandToExecute", "command"),
            artifact("child", "decoded:base64", "command", parent="root")]
    decision = decide(plan, arts, [finding("x", 400, "child")], BANDS)
    assert decision.verdict == VerdictClass.SUSPICIOUS
    assert [a.alertType for a in decision.alerts] == ["VM_CustomScriptExtensionSuspiciousCmd"]
    assert decision.alerts[0].findings == ["x"]
    assert "protectedSettings.commandToExecute" in decision.alerts[0].reason
    assert decision.severity == "High"


def test_a_flagged_fetched_file_raises_the_payload_alert() -> None:
    plan = InspectionPlan(kind="custom_script_linux")
    arts = [artifact("cmd", "settings.commandToExecute", "command"), artifact("f", "settings.fileUris[0]", "entry_point")]
    decision = decide(plan, arts, [finding("miner", 700, "f"), finding("low", 10, "cmd")], BANDS)
    assert [a.alertType for a in decision.alerts] == ["VM_CustomScriptExtensionSuspiciousPayload"]


def test_entry_point_reputation_raises_the_entry_point_alert() -> None:
    url = "https://raw.githubusercontent.com/new/repo/main/run.sh"
    plan = InspectionPlan(kind="custom_script_linux",
                          urls=[PlannedUrl(origin="settings.fileUris[0]", role=UrlRole.ENTRY_POINT, url=url, redacted=url)])
    findings = [finding("reputation.github.new_repo", 120, source="reputation", url=url),
                finding("reputation.github.new_owner", 80, source="reputation", url=url)]
    decision = decide(plan, [], findings, BANDS)
    assert [a.alertType for a in decision.alerts] == ["VM_CustomScriptExtensionSuspiciousEntryPoint"]


def test_dsc_and_run_command_map_to_their_own_alerts() -> None:
    arts = [artifact("s", "source.script", "run_command_script")]
    for kind, expected in (("dsc", "VM_DSCExtensionSuspiciousScript"),
                           ("run_command", "VM_RunCommandSuspiciousScript"),
                           ("managed_run_command", "VM_RunCommandSuspiciousScript")):
        decision = decide(InspectionPlan(kind=kind), arts, [finding("x", 500, "s")], BANDS)
        assert [a.alertType for a in decision.alerts] == [expected]


def test_a_raw_script_gets_a_verdict_but_no_extension_alert() -> None:
    arts = [artifact("s", "content", "submitted")]
    decision = decide(InspectionPlan(kind="script"), arts, [finding("x", 1200, "s")], BANDS)
    assert decision.verdict == VerdictClass.MALICIOUS
    assert decision.alerts == []
    assert decision.severity == "High"


def test_below_the_band_no_script_alert_is_raised() -> None:
    arts = [artifact("s", "protectedSettings.commandToExecute", "command")]
    decision = decide(InspectionPlan(kind="custom_script_windows"), arts, [finding("x", 120, "s")], BANDS)
    assert decision.verdict == VerdictClass.CLEAN
    assert decision.alerts == []
    assert decision.severity == "None"


def test_a_failed_run_of_a_flagged_script_raises_the_failure_alert() -> None:
    plan = InspectionPlan(kind="run_command", context=RequestContext(status="Failed"))
    arts = [artifact("s", "script", "run_command_script")]
    decision = decide(plan, arts, [finding("x", 500, "s")], BANDS)
    assert {a.alertType for a in decision.alerts} == {"VM_RunCommandSuspiciousScript", "VM_RunCommandSuspiciousFailure"}


def test_structural_request_findings_raise_context_alerts() -> None:
    plan = InspectionPlan(kind="gpu_driver")
    decision = decide(plan, [], [finding("structure.gpu.non_gpu_vm_size", 150, source="structure")], BANDS)
    assert [a.alertType for a in decision.alerts] == ["VM_GPUExtensionSuspiciousFailure"]
    assert decision.alerts[0].severity == "Medium"


def test_write_then_delete_in_one_request_scores_but_raises_no_alert() -> None:
    # A pipeline that provisions then cleans up does this daily: the deletion alert is decided from
    # the subscription's history (inspector/activity/detectors/cse_unusual_deletion.py).
    delete = finding("structure.activity.write_then_delete", 120, source="structure")
    cse = decide(InspectionPlan(kind="custom_script_windows"), [], [delete], BANDS)
    assert cse.alerts == [] and cse.score == 120


def test_every_context_check_raises_the_alert_its_entry_names_under_any_kind() -> None:
    # Activity detectors raise their alerts from the history and never emit findings.
    checks = [e for e in DETECTIONS if e.feeds is Feed.CONTEXT and e.source is not DetectionSource.ACTIVITY]
    assert len(checks) >= 9
    for check in checks:
        for kind in ("script", "custom_script_linux"):
            decision = decide(InspectionPlan(kind=kind), [], [check.request_finding()], BANDS)
            assert [a.alertType for a in decision.alerts] == [check.alert], check.id
            assert decision.alerts[0].reason.startswith("request: ")


def test_no_single_request_check_raises_a_deletion_alert_any_more() -> None:
    # Deletions are judged against history; a kind's `deletion` alert is fed by no check today.
    assert [e.id for e in DETECTIONS if e.feeds is Feed.DELETION] == []


def test_a_check_that_only_scores_raises_no_alert() -> None:
    quiet = DETECTIONS["structure.custom_script.protected_command_only"]
    decision = decide(InspectionPlan(kind="custom_script_windows"), [], [quiet.request_finding()], BANDS)
    assert decision.alerts == [] and decision.score == quiet.score


def test_findings_with_undeclared_ids_are_reported() -> None:
    declared = DETECTIONS["heur.impact.shadow_copy_delete"]
    findings = [finding(declared.id, 400, "s"), finding("heur.nowhere.declared", 10, "s"),
                finding("yara.operator.rule", 10, "s", source="yara")]
    decision = decide(InspectionPlan(kind="script"), [], findings, BANDS)
    assert decision.undeclared == ["heur.nowhere.declared"]
    assert decide(InspectionPlan(kind="script"), [], findings[:1], BANDS).undeclared == []


def test_evidence_only_of_how_a_text_is_written_stays_below_the_band() -> None:
    # A parser test suite writes odd PowerShell on purpose: obfuscation statistics and
    # deobfuscation steps with nothing the text does are not enough to flag it.
    plan = InspectionPlan(kind="script")
    arts = [artifact("root", "script", "submitted")]
    written = [finding("heur.obfuscation.backtick_escapes", 150, "root"), finding("heur.obfuscation.char_codes", 150, "root"),
               finding("deobf.powershell.char_codes", 40, "root")]
    decision = decide(plan, arts, written, BANDS)
    assert decision.verdict == VerdictClass.CLEAN and decision.score == 299 and decision.alerts == []
    # One behaviour, or code executed after decoding, makes the same evidence count in full.
    for behaviour in (finding("heur.persistence.run_key", 20, "root"), finding("heur.obfuscation.decode_execute", 100, "root")):
        assert decide(plan, arts, [*written, behaviour], BANDS).verdict == VerdictClass.SUSPICIOUS
