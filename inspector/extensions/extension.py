"""An ARM extension body, whole resource or just `properties`, reduced to what handlers need."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.fields import Field, as_text, is_present
from inspector.extensions.plan import ExtensionKind
from inspector.model import ErrorKind


def properties_of(body: Field) -> Field:
    """`properties` of a whole resource, or the body itself when it is already `properties`."""
    props = body.find("properties")
    if props is not None and props.is_object():
        return Field("", props.keys, props.value)
    return Field("", body.keys, body.value)


@dataclass(frozen=True)
class ExtensionRequest:
    kind: ExtensionKind
    publisher: str | None
    type: str | None
    version: str | None
    props: Field
    settings: Field | None
    protected: Field | None

    @property
    def sections(self) -> list[Field]:
        """settings then protectedSettings, those present as objects."""
        return [s for s in (self.settings, self.protected) if s is not None]

    def find_all(self, *names: str) -> list[Field]:
        """A field in either section (the extensions accept most fields in both)."""
        return [f for section in self.sections for f in section.find_all(*names)]

    def first(self, *names: str) -> Field | None:
        found = self.find_all(*names)
        return found[0] if found else None


def read_extension(
    body: Field, b: PlanBuilder, identify: Callable[[str | None, str | None], ExtensionKind]
) -> ExtensionRequest:
    """The extension body reduced to its parts; `identify` names its kind from publisher + type
    (`kinds.KINDS.identify`: publisher + type identify an extension, its name proves nothing)."""
    props = properties_of(body)
    resource_context(body, b)
    publisher = as_text(props.get("publisher"))
    ext_type = as_text(props.get("type"))
    if ext_type is not None and "/" in ext_type:  # an ARM resource type, not the extension type
        ext_type = None
    version = as_text(props.get("typeHandlerVersion"))
    _key_vault_reference(props, b)
    return ExtensionRequest(
        kind=identify(publisher, ext_type),
        publisher=publisher,
        type=ext_type,
        version=version,
        props=props,
        settings=_section(props, b, "settings"),
        protected=_section(props, b, "protectedSettings"),
    )


def _section(props: Field, b: PlanBuilder, name: str) -> Field | None:
    found = props.find(name)
    if found is None or found.value is None:
        return None
    if isinstance(found.value, Mapping):
        return found
    if isinstance(found.value, str) and not found.value.strip():
        return None
    b.wrong_type(found, "an object")
    return None


def resource_context(body: Field, b: PlanBuilder) -> None:
    """The resource id names the VM and its subscription (for the disk-encryption check)."""
    resource_id = as_text(body.get("id"))
    if resource_id and resource_id.strip().casefold().startswith("/subscriptions/"):
        if b.context.resource_id is None:
            b.context.resource_id = resource_id.strip()
    if b.context.subscription_id is None and b.context.resource_id:
        b.context.subscription_id = subscription_of(b.context.resource_id)


def subscription_of(resource_id: Any) -> str | None:
    """`/subscriptions/<id>/...` -> `<id>`."""
    if not isinstance(resource_id, str):
        return None
    parts = [p for p in resource_id.strip().split("/") if p]
    if len(parts) >= 2 and parts[0].casefold() == "subscriptions":
        return parts[1]
    return None


def _key_vault_reference(props: Field, b: PlanBuilder) -> None:
    """`protectedSettingsFromKeyVault` names a Key Vault secret that holds the protected settings
    (often the command itself): the inspector does not read it, so the verdict says it is incomplete."""
    reference = props.find("protectedSettingsFromKeyVault")
    if reference is None or not is_present(reference.value):
        return
    b.problem(ErrorKind.SECRET_REFERENCE_NOT_READ,
              "the protected settings (which may hold the command) are kept in Key Vault "
              "(protectedSettingsFromKeyVault) and were not read: what they run is not inspected",
              reference.origin, hides_payload=True)
