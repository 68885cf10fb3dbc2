"""`inspector schema`: the JSON Schema of the verdict, as published in docs/verdict.schema.json."""

from __future__ import annotations

import json

import click

from inspector.model import Verdict


def verdict_schema() -> dict[str, object]:
    schema = Verdict.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://payload-inspector.dev/schemas/verdict.json"
    return schema


def verdict_schema_text() -> str:
    return json.dumps(verdict_schema(), indent=2, sort_keys=True) + "\n"


@click.command("schema")
def schema() -> None:
    """Print the JSON Schema of the verdict object."""
    click.echo(verdict_schema_text(), nl=False)
