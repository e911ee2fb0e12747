#!/usr/bin/env python3
"""Validate every recorded kestra-emulator response against Kestra's OpenAPI spec.

Usage: contract-check.py RECORD.jsonl [--spec PATH]

RECORD.jsonl holds one RecordedExchange per line (method, path, query, status, contentType,
body), written by the test suite when KESTRA_CONTRACT_RECORD is set. For each exchange whose
method and path match an operation of the spec, the JSON body is validated against that
operation's response schema for the status code (OpenAPI 3.0 semantics, read direction).

The spec comes from --spec, else $KESTRA_OPENAPI_SPEC, else
../shared/reference/kestra-openapi-subset.yml next to the repository. When none exists the
check prints "contract check SKIPPED" and exits 3, so a caller can tell a skip from a pass.
Exit 0: every matched response validated (and at least one did); 1: a violation; 2: bad usage.

One normalisation is applied to the spec: Kestra's generator renders a Java `Object` (any JSON
value: input defaults, execution inputs/outputs, KV values) as a bare `{type: object}` with no
properties. The real server returns strings, numbers and booleans there (kestra-api.md §10 shows
`{"type":"STRING","value":"hello"}` for the KvDetail schema whose `value` is such an object), so a
bare `{type: object}` is read as "any JSON value". Every other schema is used as published.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from openapi_schema_validator import OAS30ReadValidator

JSON_TYPES = ("application/json", "application/problem+json", "text/json")
REPO = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = REPO.parent / "shared" / "reference" / "kestra-openapi-subset.yml"


def find_spec(explicit):
    for candidate in (explicit, os.environ.get("KESTRA_OPENAPI_SPEC"), str(DEFAULT_SPEC)):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def any_value_for_bare_objects(node):
    """Replaces bare `{type: object}` schemas (Java `Object`) with the any-value schema `{}`."""
    if isinstance(node, dict):
        if node.get("type") == "object" and not any(
                key in node for key in ("properties", "additionalProperties", "allOf", "oneOf", "anyOf", "$ref")):
            return {key: value for key, value in node.items() if key != "type"}
        return {key: any_value_for_bare_objects(value) for key, value in node.items()}
    if isinstance(node, list):
        return [any_value_for_bare_objects(item) for item in node]
    return node


def compile_operations(spec):
    """Return (method, regex, template, operation) tuples, most literal templates first."""
    operations = []
    for template, item in spec.get("paths", {}).items():
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        literal_segments = sum(1 for part in template.split("/") if part and not part.startswith("{"))
        for method, operation in item.items():
            if method.lower() in ("get", "put", "post", "delete", "patch", "head"):
                operations.append((literal_segments, method.upper(), re.compile(pattern), template, operation))
    operations.sort(key=lambda entry: -entry[0])
    return [entry[1:] for entry in operations]


def response_schema(operation, status):
    responses = operation.get("responses", {})
    response = responses.get(str(status)) or responses.get("default")
    if response is None:
        return None, f"status {status} not documented"
    for media_type, media in (response.get("content") or {}).items():
        if any(media_type.startswith(json_type) for json_type in JSON_TYPES) and "schema" in media:
            return media["schema"], None
    return None, f"status {status} documented without a JSON schema"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record")
    parser.add_argument("--spec")
    args = parser.parse_args()

    spec_path = find_spec(args.spec)
    if spec_path is None:
        print("contract check SKIPPED: no OpenAPI spec (set KESTRA_OPENAPI_SPEC or provide "
              f"{DEFAULT_SPEC})")
        return 3
    record = Path(args.record)
    if not record.is_file():
        print(f"contract check FAILED: no recorded responses at {record}")
        return 1

    spec = any_value_for_bare_objects(yaml.safe_load(spec_path.read_text()))
    operations = compile_operations(spec)
    validated, failures = Counter(), []
    skipped = Counter()
    for number, line in enumerate(record.read_text().splitlines(), 1):
        if not line.strip():
            continue
        exchange = json.loads(line)
        method, path, status = exchange["method"], exchange["path"], exchange["status"]
        match = next(((template, op) for m, regex, template, op in operations
                      if m == method and regex.match(path)), None)
        if match is None:
            skipped["operation outside the spec"] += 1
            continue
        template, operation = match
        if status >= 400:
            skipped["error response (the spec models no error bodies)"] += 1
            continue
        schema, reason = response_schema(operation, status)
        if schema is None:
            if reason.endswith("not documented"):
                failures.append(f"line {number}: {method} {path} -> {status} ({template}): {reason}")
            else:
                skipped["no JSON schema for the status"] += 1
            continue
        content_type = (exchange.get("contentType") or "").split(";")[0].strip()
        body = exchange.get("body")
        if body is None or not any(content_type.startswith(t) for t in JSON_TYPES):
            skipped["non-JSON body"] += 1
            continue
        instance = json.loads(body)
        root = dict(schema)
        root["components"] = spec.get("components", {})
        errors = sorted(OAS30ReadValidator(root).iter_errors(instance), key=lambda e: list(e.path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path) or "(root)"
            failures.append(f"line {number}: {method} {path} -> {status} ({template}): "
                            f"{where}: {first.message[:300]}")
        else:
            validated[f"{method} {template}"] += 1

    total = sum(validated.values())
    for failure in failures[:40]:
        print(f"contract violation: {failure}")
    print(f"contract: {total} responses of {len(validated)} operations validated against {spec_path.name}; "
          f"{len(failures)} violations; skipped: "
          + (", ".join(f"{count} {why}" for why, count in sorted(skipped.items())) or "none"))
    if failures:
        return 1
    if total == 0:
        print("contract check FAILED: no response was validated")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
