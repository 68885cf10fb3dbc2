"""A kind module's declaration: its alert types, and structural checks as catalog entries."""

from __future__ import annotations

from inspector.extensions.kind import KindAlerts, request_check
from inspector.model import DetectionSource
from inspector.stage import Feed

CHECK = request_check("structure.test.check", "A test check", "A structural check declared for this test.", 120,
                      ("T1098",), alert="VM_VMAccessSuspiciousUsage")


def test_a_check_that_names_its_alert_raises_it_and_one_that_does_not_only_scores() -> None:
    assert CHECK.source is DetectionSource.STRUCTURE
    assert (CHECK.feeds, CHECK.alert) == (Feed.CONTEXT, "VM_VMAccessSuspiciousUsage")
    quiet = request_check("structure.test.quiet", "Quiet", "A check that raises no alert by itself.", 40, ("T1059",))
    assert (quiet.feeds, quiet.alert) == (Feed.VERDICT, None)
    deletion = request_check("structure.test.gone", "Gone", "A check that feeds the kind's deletion alert.", 100,
                             ("T1070",), feed=Feed.DELETION)
    assert deletion.feeds is Feed.DELETION


def test_request_findings_have_no_artifact_and_redacted_bounded_snippets() -> None:
    finding = CHECK.request_finding("run.ps1 -Password Hunter2")
    assert finding.source == "structure" and finding.artifact is None and finding.location is None
    assert finding.snippet == "run.ps1 -Password [REDACTED]"
    assert (finding.id, finding.score, finding.attack) == ("structure.test.check", 120, ["T1098"])
    assert len(CHECK.request_finding("x" * 1000).snippet or "") == 200


def test_kind_alerts_name_each_alert_type_once() -> None:
    alerts = KindAlerts(script="VM_A", command="VM_B", fetched="VM_A", failure="VM_C")
    assert alerts.names() == ("VM_A", "VM_B", "VM_C")
    assert KindAlerts().names() == ()
