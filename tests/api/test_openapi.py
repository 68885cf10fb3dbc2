"""The served OpenAPI document matches the routes, and the API honours it under generated input."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from inspector.api.openapi import API_PATH_PREFIXES, build_openapi, documented_routes
from tests.api.server import Service, create_key, serve_process
from tests.timing import GIVE_UP_S


def served_api_routes(service: Service) -> set[tuple[str, str]]:
    routes = set()
    for route in service.app.router.routes():
        info = route.resource.get_info() if route.resource is not None else {}
        path = info.get("path") or info.get("formatter") or ""
        if route.method != "HEAD" and path.startswith(API_PATH_PREFIXES):
            routes.add((route.method, path))
    return routes


async def test_every_route_is_documented_and_every_documented_route_exists(service: Service):
    assert served_api_routes(service) == documented_routes()


def test_document_is_openapi_3_1_with_resolvable_references():
    doc = build_openapi()
    assert doc["openapi"] == "3.1.0"
    schemas = doc["components"]["schemas"]
    refs: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "$ref" in node:
                refs.append(node["$ref"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    assert refs
    for ref in refs:
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in schemas


def test_every_path_parameter_has_the_pattern_the_handler_enforces():
    for path, ops in build_openapi()["paths"].items():
        for op in ops.values():
            for param in op.get("parameters", []):
                if param["in"] == "path":
                    assert param["schema"]["pattern"].startswith("^"), (path, param["name"])
    params = build_openapi()["paths"]["/v1/payloads/{sha256}"]["get"]["parameters"]
    assert params[0]["schema"]["pattern"] == "^[A-Fa-f0-9]{64}$"


def test_the_inspection_request_is_one_schema_per_kind_chosen_by_kind():
    schemas = build_openapi()["components"]["schemas"]
    request = schemas["InspectionRequest"]
    assert request["discriminator"]["propertyName"] == "kind"
    mapping = request["discriminator"]["mapping"]
    assert set(mapping) == {"extension", "run_command", "activity_log", "script", "url", "auto"}
    assert [ref["$ref"] for ref in request["oneOf"]] == list(mapping.values())

    def variant(kind: str) -> dict:
        return schemas[mapping[kind].rsplit("/", 1)[1]]

    assert variant("extension")["required"] == ["kind", "resource"]
    assert variant("activity_log")["required"] == ["kind", "event"]
    assert variant("script")["required"] == ["kind", "content"]
    assert "language" in variant("script")["properties"] and "language" not in variant("url")["properties"]
    assert all(variant(k)["additionalProperties"] is False for k in mapping)
    assert variant("url")["properties"]["kind"] == {"type": "string", "const": "url"}
    assert variant("auto")["oneOf"] == [{"required": [f]} for f in ("resource", "event", "content", "url")]
    event_types = {option.get("type") for option in variant("activity_log")["properties"]["event"]["anyOf"]}
    assert {"object", "array"} <= event_types


def test_verdict_schema_is_the_core_model():
    from inspector.model import Verdict

    schema = build_openapi()["components"]["schemas"]["Verdict"]
    assert set(schema["properties"]) == set(Verdict.model_fields)
    assert schema["additionalProperties"] is False


def test_every_operation_documents_its_errors_as_problems():
    for path, ops in build_openapi()["paths"].items():
        for method, op in ops.items():
            if op.get("security") == []:
                continue
            assert "401" in op["responses"], (method, path)
            assert "application/problem+json" in op["responses"]["default"]["content"], (method, path)


async def test_served_document_is_the_built_one(service: Service):
    status, _, body = await service.call("GET", "/v1/openapi.json", key=None)
    assert status == 200 and body == build_openapi()


# --------------------------------------------------------------------------- property-based (schemathesis)

SCHEMA = schemathesis.openapi.from_dict(build_openapi())
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance,
          response_headers_conformance]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp("property")
    key = create_key(data_dir, "analyst")  # analysts read everything but cannot trigger rule reloads
    with serve_process(data_dir, INSPECTOR_API_WAIT_S="2", INSPECTOR_API_RATE_PER_S="0") as process:
        yield process, key


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_get_no_5xx_and_schema_conforming_answers(case, served):
    process, key = served
    response = case.call(base_url=process.url, headers={"Authorization": f"Bearer {key}"}, timeout=GIVE_UP_S)
    case.validate_response(response, checks=CHECKS)
