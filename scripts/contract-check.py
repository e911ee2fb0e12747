#!/usr/bin/env python3
"""Check every recorded kestra-emulator exchange against Kestra's OpenAPI spec.

Usage: contract-check.py RECORD.jsonl [--spec PATH]

RECORD.jsonl holds one RecordedExchange per line (method, path, query, requestContentType,
apiGeneration, status, contentType, body), appended by in-process emulators and by
`kestra-emulator --record FILE` processes when the test suites run with KESTRA_CONTRACT_RECORD set.

What is checked, per exchange of the 2.x generation (the spec describes 2.x):
  * Routing: the request is matched to the most specific operation of the spec: literal path
    segments beat parameters, and a path parameter only matches values Kestra accepts for it
    (namespaces are lower-case, flow ids and execution ids follow their patterns), so e.g. a
    1.x-style POST /executions/{id}/restart does not pass for create-execution. A 2xx answer to a
    request that matches no operation is a violation.
  * Success responses: the JSON body validates against the operation's schema for the status, with
    formats (date-time, int32, int64, ...) checked by a format checker; a 2xx status the operation
    does not document is a violation.
  * Error responses: against the schema the operation documents for the status when there is one
    (BulkErrorResponse), else against the RFC 9457 problem document Kestra 2.x sends for every error
    (application/problem+json; type from Kestra's problem catalogue with its title and status).
  * Requests answered 2xx: the Content-Type is one the operation accepts (none when it takes no
    body), every query parameter is declared by the operation with a value of its type/format,
    required ones are present, and `filters[field][OP]` use fields and operations of the spec.
Exchanges of the 1.x generation are checked for the 1.x error shapes (Micronaut JsonError,
empty-bodied 401). The spec has no 1.x paths, so a 1.x success is checked against the rules of
V1_RULES where one applies (a 2.x-only route answered 2xx, and the answers 1.x shapes differently:
`200 {count}` bulk actions, empty kill/pause/resume answers, `{abstractTrigger, triggerContext}`
trigger items, the per-namespace KV list, flows without `draft`, plain log pages) and skipped
otherwise.

The spec comes from --spec, else $KESTRA_OPENAPI_SPEC, else
../shared/reference/kestra-openapi-subset.yml next to the repository. When none exists the
check prints "contract check SKIPPED" and exits 3, so a caller can tell a skip from a pass.
Exit 0: no violation (and at least one response checked); 1: a violation; 2: bad usage.

Where Kestra's generated spec and its server disagree, the real server wins; these corrections
are applied to the spec before use (each with its evidence):
  1. A bare `{type: object}` is a Java `Object`: any JSON value (KvDetail.value holds strings and
     numbers: KVController's typed values).
  2. `Property_*` schemas are `type: object` next to `oneOf: [object, string]`; the server writes
     every Property as its expression string (Property.PropertySerializer: scalars as their text,
     maps and lists as JSON text), and the Python SDK's PropertyObject accepts a string. They are
     read as `{type: string}`.
  3. `State` requires `getDuration`/`getStartDate`/`getEndDate`, artefacts of Java getters; the
     server serializes them as `duration`/`startDate`/`endDate` (State.java's
     `@JsonProperty(access = READ_ONLY)` getters).
  4. `AbstractTrigger` requires `when`; the server omits it when unset (the Python SDK's
     abstract_trigger.py makes it optional for that reason).
  5. Open-source Kestra reads `q` on /namespaces/search and does not require `filters`
     (its NamespaceController; the subset is generated from the EE spec).
  6. Flow `labels` are amended in the subset to "array of Label or map" (x-amended); the server
     only sends the array (ListOrMapOfLabelSerializer writes the stored List<Label>; the SDK decodes
     List[Label]), so only the array is accepted.
  7. `BulkErrorResponse.invalids` is typed `object`; the server always sends `message` and an array
     of violations (`{message, invalidValue, ...}`: a serialized set of constraint violations).
  8. Kestra's Python SDK 2.0.3 still sends the 1.x log parameters (`minLevel`, `taskId`, ...) on
     the per-execution log routes, which a 2.x server ignores (its LogController reads only
     `filters`; the SDK's own tests mark the minLevel filter xfail). Requests from clients other
     than kestractl (User-Agent) may carry them; kestractl may not.
  9. The subset was trimmed from Kestra's full spec and lacks operations kestractl uses (bulk
     execution actions by query, POST /executions/latest, GET /flows/source);
     scripts/openapi-supplement.yml holds them copied verbatim from that full spec (kestra-io/client-sdk
     kestra-ee.yml at 118cf4dd) and they are added to the subset: only paths and schemas it lacks.
  10. A mutating `…/by-query` request carrying a legacy flat filter (`?namespace=x`) is refused by Kestra's
     LegacyQueryParameterFilter before any controller runs: a 400 problem document of type
     invalid-query-filters, not the BulkErrorResponse the operations document for their own 400s.
  11. Correction 1 leaves a bare `{type: object}` that is an alternative of a `oneOf` alone
     (Output.value is `oneOf: [object, string]`: any-value there would make every string match twice).
"""

import argparse
import copy
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl

import yaml
from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker

JSON_TYPES = ("application/json", "application/problem+json", "text/json")
REPO = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = REPO.parent / "shared" / "reference" / "kestra-openapi-subset.yml"
SUPPLEMENT = REPO / "scripts" / "openapi-supplement.yml"
PROBLEM_PREFIX = "https://kestra.io/docs/api-reference/problems/"

# Values Kestra accepts for path parameters (its flow id, namespace and friendly-id patterns).
PATH_PARAMETER_PATTERNS = {
    "namespace": r"[a-z0-9][a-z0-9._-]*",
    "id": r"[a-zA-Z0-9][a-zA-Z0-9._-]*",
    "flowId": r"[a-zA-Z0-9][a-zA-Z0-9._-]*",
    "triggerId": r"[a-zA-Z0-9][a-zA-Z0-9_-]*",
    "executionId": r"[A-Za-z0-9]+",
    "taskRunId": r"[A-Za-z0-9]+",
}

# Kestra 2.x's problem catalogue (ProblemTypes): slug -> (title, status).
PROBLEM_TYPES = {
    "invalid-json": ("Invalid JSON", 422),
    "invalid-plugin-type": ("Invalid plugin type", 422),
    "invalid-format": ("Invalid value format", 422),
    "invalid-request-body": ("Invalid request body", 422),
    "invalid-argument": ("Invalid argument", 422),
    "bad-request": ("Bad request", 400),
    "invalid-query-parameter": ("Invalid query parameter", 400),
    "invalid-query-filters": ("Invalid query filters", 400),
    "validation-failed": ("Validation failed", 422),
    "invalid-entity": ("Invalid entity", 422),
    "bulk-validation-failed": ("Bulk validation failed", 400),
    "unauthenticated": ("Authentication required", 401),
    "forbidden": ("Access denied", 403),
    "not-found": ("Resource not found", 404),
    "conflict": ("Conflict", 409),
    "entity-already-exists": ("Entity already exists", 409),
    "resource-expired": ("Resource has expired", 410),
    "locked": ("Resource is locked", 423),
    "method-not-allowed": ("Method not allowed", 405),
    "not-acceptable": ("Not acceptable", 406),
    "payload-too-large": ("Payload too large", 413),
    "unsupported-media-type": ("Unsupported media type", 415),
    "too-many-requests": ("Too many requests", 429),
    "ai-request-failed": ("AI request failed", 422),
    "internal-error": ("Internal server error", 500),
    "migration-required": ("Migration required", 503),
    "service-unavailable": ("Service unavailable", 503),
    "timeout": ("Operation timed out", 504),
}

# RFC 9457 problem document as Kestra 2.x's ProblemDetail writes it (empty members omitted).
PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail", "instance"],
    "additionalProperties": False,
    "properties": {
        "type": {"type": "string", "pattern": "^" + re.escape(PROBLEM_PREFIX) + "[a-z-]+$"},
        "title": {"type": "string", "minLength": 1},
        "status": {"type": "integer", "format": "int32"},
        "detail": {"type": "string", "minLength": 1},
        "instance": {"type": "string", "pattern": "^/"},
        "traceId": {"type": "string", "minLength": 1},
        "errors": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["detail"],
                "additionalProperties": False,
                "properties": {
                    "detail": {"type": "string", "minLength": 1},
                    "pointer": {"type": "string", "pattern": "^/"},
                    "path": {"type": "string", "minLength": 1},
                    "type": {"type": "string"},
                },
            },
        },
    },
}

# Micronaut's JsonError as Kestra 1.x's ErrorController writes it: `_links.self` and
# `_embedded.errors` may each be an object or an array; null members may be serialized.
LINK_SCHEMA = {"type": "object", "properties": {"href": {"type": "string"}}}
LEGACY_ERROR_ITEM = {"type": "object", "required": ["message"],
                     "properties": {"message": {"type": "string"}, "path": {"type": "string", "nullable": True}}}
LEGACY_ERROR_SCHEMA = {
    "type": "object",
    "required": ["message", "_links"],
    "properties": {
        "message": {"type": "string", "minLength": 1},
        "logref": {"type": "string", "nullable": True},
        "path": {"type": "string", "nullable": True},
        "_links": {"type": "object", "required": ["self"], "properties": {
            "self": {"oneOf": [LINK_SCHEMA, {"type": "array", "items": LINK_SCHEMA}]}}},
        "_embedded": {"type": "object", "properties": {
            "errors": {"oneOf": [LEGACY_ERROR_ITEM, {"type": "array", "items": LEGACY_ERROR_ITEM}]}}},
    },
}
BULK_ERROR_SCHEMA = {"type": "object", "required": ["message", "invalids"], "properties": {
    "message": {"type": "string", "minLength": 1},
    "invalids": {"type": "array", "items": {"type": "object", "required": ["message"]}}}}

# Query parameters the open-source server reads although the (EE) spec does not declare them, and
# required ones it does not require: (method, template) -> (extra names, names not required).
OSS_QUERY_DEVIATIONS = {
    ("GET", "/api/v1/{tenant}/namespaces/search"): ({"q"}, {"filters"}),
}

# 1.x parameters other clients still send to 2.x routes, which ignore them (correction 8).
LEGACY_LOG_PARAMETERS = {"minLevel", "taskRunId", "taskId", "attempt"}
LEGACY_PARAMETER_ROUTES = {"/api/v1/{tenant}/logs/{executionId}", "/api/v1/{tenant}/logs/{executionId}/follow",
                           "/api/v1/{tenant}/logs/{executionId}/download"}


# Kestra 1.x, per route: (methods, path below /api/v1/{tenant}, what a 2xx answer must be). Routes 2.x added
# must never answer 2xx on 1.x; the others answer the 1.x shapes.
def _count_body(body):
    return None if isinstance(body, dict) and set(body) == {"count"} and isinstance(body["count"], int) \
        else "1.x answers bulk actions 200 {count}"


def _empty(status):
    return lambda body: None if body is None else "1.x answers %d without a body" % status


def _trigger_items(body):
    items = (body or {}).get("results", [])
    bad = [item for item in items if set(item) != {"abstractTrigger", "triggerContext"}]
    return "1.x trigger items are {abstractTrigger, triggerContext}" if bad else None


def _kv_entries(body):
    if not isinstance(body, list) or any("key" not in entry or "revision" in entry for entry in body):
        return "1.x lists a namespace's keys as an array of KVEntry (revision named `version`)"
    return None


def _flow(body):
    flows = body if isinstance(body, list) else [body]
    return "1.x flows have no draft" if any(isinstance(flow, dict) and "draft" in flow for flow in flows) else None


V1_RULES = [
    ({"GET", "PUT", "POST", "DELETE"}, r"/executions/[^/]+/actions/[^/]+", lambda status, body: "a 2.x-only route"),
    ({"GET"}, r"/kv", lambda status, body: "a 2.x-only route"),
    ({"GET"}, r"/outputs/.+", lambda status, body: "a 2.x-only route"),
    ({"PUT"}, r"/triggers/set-disabled", lambda status, body: "a 2.x-only route"),
    ({"POST", "DELETE"}, r"/executions/(kill|restart|replay|resume|pause|force-run|unqueue|change-status|labels)"
                         r"/by-(ids|query)", lambda status, body: _count_body(body)),
    ({"POST"}, r"/triggers/(set-disabled|unlock)/by-(triggers|query)", lambda status, body: _count_body(body)),
    ({"DELETE"}, r"/executions/[^/]+/kill",
     lambda status, body: None if status == 202 and body is None else "1.x answers kill 202 without a body"),
    ({"POST"}, r"/executions/[^/]+/(pause|resume)",
     lambda status, body: None if status == 204 and body is None else "1.x answers pause and resume 204"),
    ({"GET"}, r"/triggers/search", lambda status, body: _trigger_items(body)),
    ({"GET"}, r"/namespaces/[^/]+/kv", lambda status, body: _kv_entries(body)),
    ({"GET"}, r"/logs/search", lambda status, body: "1.x log pages have no `type`" if "type" in (body or {}) else None),
    ({"POST", "PUT", "GET"}, r"/flows(/[^/]+/[^/]+)?(/revisions)?", lambda status, body: _flow(body)),
]
V1_TENANT_LESS = {("GET", "/api/v1/configs/login")}


def find_spec(explicit):
    for candidate in (explicit, os.environ.get("KESTRA_OPENAPI_SPEC"), str(DEFAULT_SPEC)):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def any_value_for_bare_objects(node):
    """Correction 1: bare `{type: object}` schemas (Java `Object`) become the any-value schema `{}`, except as
    an alternative of a `oneOf` (Output.value: `oneOf: [object, string]`), where any-value would make every
    string match both alternatives."""
    if isinstance(node, dict):
        if isinstance(node.get("oneOf"), list):
            return {key: ([any_value_for_bare_objects(item) if not is_bare_object(item) else item for item in value]
                          if key == "oneOf" else any_value_for_bare_objects(value)) for key, value in node.items()}
        if node.get("type") == "object" and not any(
                key in node for key in ("properties", "additionalProperties", "allOf", "oneOf", "anyOf", "$ref")):
            return {key: value for key, value in node.items() if key != "type"}
        return {key: any_value_for_bare_objects(value) for key, value in node.items()}
    if isinstance(node, list):
        return [any_value_for_bare_objects(item) for item in node]
    return node


def supplemented(raw, supplement):
    """Correction 9: the spec with the supplement's paths and schemas it lacks added."""
    spec = copy.deepcopy(raw)
    for path, item in supplement.get("paths", {}).items():
        spec.setdefault("paths", {}).setdefault(path, item)
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in supplement.get("components", {}).get("schemas", {}).items():
        schemas.setdefault(name, schema)
    return spec


def is_bare_object(node):
    return isinstance(node, dict) and node.get("type") == "object" and not any(
        key in node for key in ("properties", "additionalProperties", "allOf", "oneOf", "anyOf", "$ref"))


def corrected_spec(raw):
    """The spec with the documented server-wins corrections applied."""
    spec = any_value_for_bare_objects(copy.deepcopy(raw))
    schemas = spec.get("components", {}).get("schemas", {})
    for name in list(schemas):
        if name.startswith("Property_"):
            schemas[name] = {"type": "string"}
    state = schemas.get("State", {})
    state["required"] = [name for name in state.get("required", []) if not name.startswith("get")]
    trigger = schemas.get("AbstractTrigger", {})
    trigger["required"] = [name for name in trigger.get("required", []) if name != "when"]
    schemas["BulkErrorResponse"] = BULK_ERROR_SCHEMA
    return array_labels_only(spec)


def array_labels_only(node):
    """Correction 6: an amended `labels` (array or map) accepts only its array form."""
    if isinstance(node, dict):
        labels = node.get("properties", {}).get("labels")
        if isinstance(labels, dict) and "x-amended" in labels:
            node["properties"]["labels"] = next(option for option in labels["oneOf"] if option.get("type") == "array")
        for value in node.values():
            array_labels_only(value)
    elif isinstance(node, list):
        for item in node:
            array_labels_only(item)
    return node


def resolve(spec, schema):
    """Follows `$ref` and single-element `allOf` wrappers of a parameter schema."""
    while isinstance(schema, dict):
        if "$ref" in schema:
            schema = spec["components"]["schemas"][schema["$ref"].split("/")[-1]]
        elif len(schema.get("allOf", [])) == 1:
            schema = {**{k: v for k, v in schema.items() if k != "allOf"}, **resolve(spec, schema["allOf"][0])}
        else:
            return schema
    return schema


class Operation:
    def __init__(self, method, template, item):
        self.method, self.template, self.item = method, template, item
        parts = [part for part in template.split("/") if part]
        self.literals = sum(1 for part in parts if not part.startswith("{"))
        regex = ""
        for part in parts:
            if part.startswith("{"):
                name = part[1:-1]
                regex += "/(?P<%s>%s)" % (re.sub(r"\W", "_", name), PATH_PARAMETER_PATTERNS.get(name, "[^/]+"))
            else:
                regex += "/" + re.escape(part)
        self.regex = re.compile("^" + regex + "$")
        self.query = {p["name"]: p for p in item.get("parameters", []) if p.get("in") == "query"}
        self.body_types = list((item.get("requestBody") or {}).get("content", {}).keys())

    def matches(self, method, path):
        return method == self.method and self.regex.match(path) is not None


def compile_operations(spec):
    """Every operation, most specific first: more literal segments, then fewer parameters."""
    operations = []
    for template, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if method.lower() in ("get", "put", "post", "delete", "patch", "head"):
                operations.append(Operation(method.upper(), template, operation))
    operations.sort(key=lambda op: (-op.literals, op.template.count("{")))
    return operations


def media_type(content_type):
    return (content_type or "").split(";")[0].strip().lower()


def documented_schema(operation, status):
    """(schema or None, documented?) for a status of an operation."""
    responses = operation.item.get("responses", {})
    response = responses.get(str(status)) or responses.get("default")
    if response is None:
        return None, False
    for type_name, media in (response.get("content") or {}).items():
        if any(type_name.startswith(json_type) for json_type in JSON_TYPES) and "schema" in media:
            return media["schema"], True
    return None, True


class Checker:
    def __init__(self, spec):
        self.spec = spec
        self.operations = compile_operations(spec)
        self.components = spec.get("components", {})
        self.field_names = set(resolve(spec, {"$ref": "#/components/schemas/QueryFilter.Field"}).get("enum", []))
        self.filter_ops = set(resolve(spec, {"$ref": "#/components/schemas/QueryFilter.Op"}).get("enum", []))
        self.violations = []
        self.checked = Counter()  # "METHOD template" -> responses checked
        self.kinds = Counter()
        self.skipped = Counter()
        self.requests_checked = 0

    def schema_errors(self, schema, instance):
        root = dict(schema)
        root["components"] = self.components
        validator = OAS30ReadValidator(root, format_checker=oas30_format_checker)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        return ["%s: %s" % ("/".join(str(p) for p in error.absolute_path) or "(root)", error.message[:300])
                for error in errors]

    def fail(self, number, exchange, where, message):
        self.violations.append("line %d: %s %s -> %s%s: %s" % (
            number, exchange["method"], exchange["path"], exchange["status"],
            " (%s)" % where if where else "", message))

    def operation_for(self, method, path):
        return next((op for op in self.operations if op.matches(method, path)), None)

    def check(self, number, exchange):
        method, path, status = exchange["method"], exchange["path"], exchange["status"]
        generation = exchange.get("apiGeneration", 2)
        body = exchange.get("body")
        content_type = media_type(exchange.get("contentType"))
        is_json = body is not None and any(content_type.startswith(t) for t in JSON_TYPES)
        if generation == 1:
            if status >= 400:
                self.check_legacy_error(number, exchange, path, status, body, is_json)
            else:
                self.check_legacy_success(number, exchange, method, path, status, body, is_json)
            return
        operation = self.operation_for(method, path)
        where = operation.template if operation else None
        if status >= 400:
            self.check_problem(number, exchange, operation, status, body, is_json, content_type)
            return
        if operation is None:
            if path.startswith("/api/v1/"):
                self.fail(number, exchange, None, "a 2xx answer to a request that matches no operation of the spec")
            else:
                self.skipped["outside /api/v1"] += 1
            return
        self.check_request(number, exchange, operation)
        schema, documented = documented_schema(operation, status)
        if not documented:
            self.fail(number, exchange, where, "status %d not documented" % status)
            return
        if schema is None:
            self.skipped["no JSON schema for the status"] += 1
            return
        if not is_json:
            self.skipped["non-JSON body"] += 1
            return
        for error in self.schema_errors(schema, json.loads(body))[:1]:
            self.fail(number, exchange, where, error)
        self.checked["%s %s" % (method, operation.template)] += 1
        self.kinds["success"] += 1

    def check_problem(self, number, exchange, operation, status, body, is_json, content_type):
        where = operation.template if operation else "no operation"
        legacy_refusal = (status == 400 and content_type == "application/problem+json" and is_json
                          and json.loads(body).get("type") == PROBLEM_PREFIX + "invalid-query-filters"
                          and re.search(r"/by-query(/|$)", exchange["path"]) is not None)
        if operation is not None and not legacy_refusal:
            schema, _ = documented_schema(operation, status)
            if schema is not None:
                if not is_json:
                    self.fail(number, exchange, where, "documented error schema but no JSON body")
                    return
                for error in self.schema_errors(schema, json.loads(body))[:1]:
                    self.fail(number, exchange, where, error)
                self.count_error(exchange, operation)
                return
        if not is_json or content_type != "application/problem+json":
            self.fail(number, exchange, where, "error without an application/problem+json body (%s)"
                      % (exchange.get("contentType") or "no content type"))
            return
        document = json.loads(body)
        errors = self.schema_errors(PROBLEM_SCHEMA, document)
        if not errors:
            slug = document["type"][len(PROBLEM_PREFIX):]
            expected = PROBLEM_TYPES.get(slug)
            if expected is None:
                errors = ["type %s is not in Kestra's problem catalogue" % document["type"]]
            elif (document["title"], document["status"]) != expected:
                errors = ["%s must carry title %r and status %d" % (slug, expected[0], expected[1])]
            elif document["status"] != status:
                errors = ["body status %d differs from the HTTP status" % document["status"]]
            elif document["instance"] != exchange["path"]:
                errors = ["instance %r is not the request path" % document["instance"]]
        for error in errors[:1]:
            self.fail(number, exchange, where, error)
        self.count_error(exchange, operation)

    def check_legacy_error(self, number, exchange, path, status, body, is_json):
        if status == 401:
            if body:
                self.fail(number, exchange, "1.x", "a 1.x 401 has an empty body")
        elif not is_json:
            self.fail(number, exchange, "1.x", "error without a JSON body")
        else:
            document = json.loads(body)
            bulk = path.endswith("/by-ids") or path.endswith("/by-query")
            schema = BULK_ERROR_SCHEMA if bulk and "invalids" in document else LEGACY_ERROR_SCHEMA
            for error in self.schema_errors(schema, document)[:1]:
                self.fail(number, exchange, "1.x", error)
        self.checked["1.x errors"] += 1
        self.kinds["error"] += 1

    def check_legacy_success(self, number, exchange, method, path, status, body, is_json):
        if (method, path) in V1_TENANT_LESS:
            self.fail(number, exchange, "1.x", "a 2.x-only route answered %d" % status)
            return
        relative = re.sub(r"^/api/v1/[^/]+", "", path)
        for methods, pattern, rule in V1_RULES:
            if method in methods and re.fullmatch(pattern, relative):
                error = rule(status, json.loads(body) if is_json and body else None)
                if error:
                    self.fail(number, exchange, "1.x", error)
                self.checked["1.x %s %s" % (method, pattern)] += 1
                self.kinds["success"] += 1
                return
        self.skipped["1.x success without a 1.x rule (the spec describes 2.x)"] += 1

    def count_error(self, exchange, operation):
        key = "%s %s" % (exchange["method"], operation.template) if operation else "errors outside the spec"
        self.checked[key] += 1
        self.kinds["error"] += 1

    def check_request(self, number, exchange, operation):
        """Content type and query parameters of a request the server accepted."""
        self.requests_checked += 1
        where = operation.template
        sent = media_type(exchange.get("requestContentType"))
        if operation.body_types:
            if sent and sent not in operation.body_types:
                self.fail(number, exchange, where, "request Content-Type %s, the operation takes %s"
                          % (sent, ", ".join(operation.body_types)))
            required = (operation.item.get("requestBody") or {}).get("required")
            if not sent and required and operation.body_types != ["multipart/form-data"]:
                self.fail(number, exchange, where, "the operation requires a %s body" % operation.body_types[0])
        elif sent:
            self.fail(number, exchange, where, "request Content-Type %s on an operation without a body" % sent)
        extra, optional = OSS_QUERY_DEVIATIONS.get((operation.method, operation.template), (set(), set()))
        pairs = parse_qsl(exchange.get("query") or "", keep_blank_values=True)
        names = set()
        for name, value in pairs:
            match = re.fullmatch(r"filters\[([^\]]*)\]\[([^\]]*)\](?:\[([^\]]+)\])?", name)
            if match:
                names.add("filters")
                if "filters" not in operation.query:
                    self.fail(number, exchange, where, "query filters are not accepted here")
                elif match.group(1) not in self.field_names or match.group(2) not in self.filter_ops:
                    self.fail(number, exchange, where, "unknown filter %s" % name)
                continue
            names.add(name)
            if name in extra:
                continue
            if (name in LEGACY_LOG_PARAMETERS and operation.template in LEGACY_PARAMETER_ROUTES
                    and not (exchange.get("userAgent") or "").startswith("kestractl")):
                self.skipped["1.x log parameters from other clients, ignored by 2.x"] += 1
                continue
            parameter = operation.query.get(name)
            if parameter is None:
                self.fail(number, exchange, where, "query parameter %r is not declared by the operation" % name)
                continue
            schema = resolve(self.spec, parameter.get("schema", {}))
            if schema.get("type") == "array":
                schema = resolve(self.spec, schema.get("items", {}))
            for error in self.schema_errors(schema, self.typed(schema, value))[:1]:
                self.fail(number, exchange, where, "query %s=%r: %s" % (name, value, error))
        for name, parameter in operation.query.items():
            if parameter.get("required") and name not in names and name not in optional:
                self.fail(number, exchange, where, "required query parameter %r is missing" % name)

    @staticmethod
    def typed(schema, text):
        """A query value as the JSON value its schema describes (unparseable text stays a string)."""
        kind = schema.get("type")
        if kind == "integer" and re.fullmatch(r"-?\d+", text):
            return int(text)
        if kind == "number":
            try:
                return float(text)
            except ValueError:
                return text
        if kind == "boolean" and text in ("true", "false"):
            return text == "true"
        return text


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
        print(f"contract check FAILED: no recorded exchanges at {record}")
        return 1
    if oas30_format_checker.conforms("2025-13-01T00:00:00Z", "date-time"):
        print("contract check FAILED: the date-time format checker is not active (install rfc3339-validator)")
        return 1

    raw = supplemented(yaml.safe_load(spec_path.read_text()), yaml.safe_load(SUPPLEMENT.read_text()))
    checker = Checker(corrected_spec(raw))
    with record.open() as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                checker.check(number, json.loads(line))

    total = sum(checker.kinds.values())
    operations = len([key for key in checker.checked if key.split(" ")[0] in ("GET", "PUT", "POST", "DELETE")])
    for violation in checker.violations[:40]:
        print(f"contract violation: {violation}")
    skipped = ", ".join(f"{count} {why}" for why, count in sorted(checker.skipped.items())) or "none"
    print(f"contract: {total} responses ({checker.kinds['success']} successes, {checker.kinds['error']} errors) "
          f"of {operations} operations checked against {spec_path.name}, {checker.requests_checked} requests "
          f"checked for content type and query parameters; {len(checker.violations)} violations; "
          f"skipped: {skipped}")
    if checker.violations:
        return 1
    if checker.kinds["success"] == 0:
        print("contract check FAILED: no response was checked")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
