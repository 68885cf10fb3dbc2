"""Any other publisher/type: reported as unrecognised and still scanned.

Every string under the extension's properties that looks like a command line becomes a
script and every http(s) URL a payload to fetch; the envelope fields are skipped.
"""

from __future__ import annotations

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import ExtensionRequest
from inspector.extensions.kind import KindDeclaration
from inspector.extensions.plan import ExtensionKind
from inspector.extensions.strings import collect_strings

# The kind name this module declares.
UNRECOGNISED = ExtensionKind("unrecognised_extension")

_ENVELOPE = frozenset(
    {"publisher", "type", "typehandlerversion", "autoupgrademinorversion", "enableautomaticupgrade",
     "provisioningstate", "forceupdatetag", "suppressfailures", "provisionafterextensions", "instanceview"}
)


def plan_unrecognised(ext: ExtensionRequest, b: PlanBuilder) -> None:
    for member in ext.props.items():
        if str(member.keys[-1]).casefold() not in _ENVELOPE:
            collect_strings(b, member)


# No (publisher, type) pair: this is the kind every unknown pair falls back to.
KIND = KindDeclaration(kinds=(UNRECOGNISED,), handler=plan_unrecognised, fallback=UNRECOGNISED)
