#!/usr/bin/env python3
"""What scripts/contract-check.py must catch, shown on hand-written exchanges.

Run by `make contract` before the check itself; skipped (exit 0, one line) without the OpenAPI spec.
"""

import importlib.util
import json
import sys
import unittest
from pathlib import Path

import yaml

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "contract-check.py"
specification = importlib.util.spec_from_file_location("contract_check", SCRIPT)
contract_check = importlib.util.module_from_spec(specification)
specification.loader.exec_module(contract_check)

SPEC_PATH = contract_check.find_spec(None)
ID = "4wjtkzwVGBM9yKnjm3yv8r"
DATE = "2025-11-02T09:14:05.123Z"
STATE = {"current": "SUCCESS", "histories": [{"state": "CREATED", "date": DATE}, {"state": "SUCCESS", "date": DATE}],
         "startDate": DATE, "endDate": DATE, "duration": "PT0S"}
EXECUTION = {"id": ID, "namespace": "company.team", "flowId": "hello", "flowRevision": 1, "state": STATE,
             "originalId": ID, "deleted": False, "metadata": {"attemptNumber": 1, "originalCreatedDate": DATE},
             "labels": [{"key": "system.correlationId", "value": ID}]}
FLOW = {"id": "hello", "namespace": "company.team", "revision": 1, "tenantId": "main",
        "labels": [{"key": "team", "value": "data"}],
        "inputs": [{"id": "user", "type": "STRING", "defaults": "Kestrel"}],
        "tasks": [{"id": "log", "type": "io.kestra.plugin.core.log.Log", "message": "hi"}],
        "triggers": [{"id": "daily", "type": "io.kestra.plugin.core.trigger.Schedule", "cron": "0 9 * * *"}],
        "disabled": False, "deleted": False, "draft": False, "updated": DATE, "source": "id: hello"}


def exchange(method, path, status, body=None, query=None, request_type=None, content_type="application/json",
             generation=2, agent="kestractl"):
    return {"method": method, "path": "/api/v1/main" + path if not path.startswith("/api/v1/configs") else path,
            "query": query, "requestContentType": request_type, "userAgent": agent, "apiGeneration": generation,
            "status": status, "contentType": content_type if body is not None else None,
            "body": json.dumps(body) if body is not None else None}


def problem(slug, status, path, title=None, **extra):
    document = {"type": contract_check.PROBLEM_PREFIX + slug,
                "title": title or contract_check.PROBLEM_TYPES[slug][0], "status": status, "detail": "why",
                "instance": "/api/v1/main" + path}
    document.update(extra)
    return document


@unittest.skipIf(SPEC_PATH is None, "no OpenAPI spec")
class ContractCheckTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.spec = contract_check.corrected_spec(yaml.safe_load(SPEC_PATH.read_text()))

    def violations(self, *exchanges):
        checker = contract_check.Checker(self.spec)
        for number, item in enumerate(exchanges, 1):
            checker.check(number, item)
        return checker.violations

    def assertViolation(self, item, fragment):
        found = self.violations(item)
        self.assertTrue(any(fragment in violation for violation in found), "expected %r in %r" % (fragment, found))

    def test_a_faithful_exchange_passes(self):
        self.assertEqual(self.violations(
            exchange("POST", "/flows", 200, FLOW, request_type="application/x-yaml"),
            exchange("POST", "/executions/company.team/hello", 200, dict(EXECUTION, url="http://x"),
                     query="wait=true&labels=team:data", request_type="multipart/form-data; boundary=b"),
            exchange("GET", "/flows/search", 200, {"results": [FLOW], "total": 1},
                     query="page=1&size=10&sort=id:asc&filters%5Bnamespace%5D%5BPREFIX%5D=company"),
            exchange("GET", "/flows/missing/x", 404, problem("not-found", 404, "/flows/missing/x"),
                     content_type="application/problem+json"),
            exchange("DELETE", "/executions/kill/by-ids", 400, {"message": "invalid bulk kill", "invalids": []},
                     request_type="application/json", content_type="application/json"),
        ), [])

    def test_a_made_up_route_does_not_pass_for_a_similar_template(self):
        self.assertViolation(exchange("POST", "/executions/%s/restart" % ID, 200, EXECUTION),
                             "matches no operation")

    def test_formats_are_checked(self):
        late = dict(EXECUTION, state=dict(STATE, startDate="yesterday"))
        self.assertViolation(exchange("GET", "/executions/" + ID, 200, dict(late, tenantId="main")), "date-time")
        self.assertViolation(exchange("POST", "/flows/disable/by-ids", 200, {"count": 2 ** 31},
                                      request_type="application/json"), "int32")
        self.assertViolation(exchange("GET", "/flows/company.team/hello", 200, FLOW, query="revision=99999999999"),
                             "int32")

    def test_shapes_the_server_never_sends_are_violations(self):
        self.assertViolation(exchange("POST", "/flows", 200, dict(FLOW, labels={"team": "data"}),
                                      request_type="application/x-yaml"), "labels")
        defaults = dict(FLOW, inputs=[{"id": "user", "type": "STRING", "defaults": {"expression": "Kestrel"}}])
        self.assertViolation(exchange("POST", "/flows", 200, defaults, request_type="application/x-yaml"), "defaults")

    def test_requests_are_checked_against_the_operation(self):
        self.assertViolation(exchange("POST", "/flows", 200, FLOW, request_type="application/json"),
                             "request Content-Type application/json")
        self.assertViolation(exchange("GET", "/flows/search", 200, {"results": [], "total": 0}, query="namespace=x"),
                             "'namespace' is not declared")
        self.assertViolation(exchange("GET", "/flows/search", 200, {"results": [], "total": 0},
                                      query="filters%5Bnamespace%5D%5BLIKE%5D=x"), "unknown filter")
        self.assertViolation(exchange("GET", "/executions", 200, {"results": [], "total": 0}, query="namespace=x"),
                             "'flowId' is missing")
        self.assertViolation(exchange("GET", "/logs/" + ID, 200, [], query="minLevel=WARN"), "'minLevel'")
        self.assertEqual(self.violations(exchange("GET", "/logs/" + ID, 200, [], query="minLevel=WARN",
                                                  agent="python-requests/2.32")), [])

    def test_error_bodies_are_problem_documents(self):
        self.assertViolation(exchange("GET", "/flows/a/b", 404, {"message": "Not Found"}), "application/problem+json")
        self.assertViolation(exchange("GET", "/flows/a/b", 404, problem("not-found", 404, "/flows/a/b", title="Gone"),
                                      content_type="application/problem+json"), "title")
        self.assertViolation(exchange("GET", "/flows/a/b", 409, problem("not-found", 404, "/flows/a/b"),
                                      content_type="application/problem+json"), "HTTP status")
        self.assertViolation(exchange("DELETE", "/executions/kill/by-ids", 400, {"invalids": []},
                                      request_type="application/json"), "message")

    def test_1x_errors_have_the_micronaut_shape(self):
        legacy = {"message": "Not Found", "_links": {"self": {"href": "/api/v1/main/flows/a/b", "templated": False}},
                  "_embedded": {}}
        self.assertEqual(self.violations(
            exchange("GET", "/flows/a/b", 404, legacy, generation=1),
            exchange("GET", "/flows/search", 401, None, generation=1),
        ), [])
        self.assertViolation(exchange("GET", "/flows/a/b", 404, problem("not-found", 404, "/flows/a/b"),
                                      generation=1), "message")
        self.assertViolation(exchange("GET", "/flows/search", 401, {"message": "no"}, generation=1), "empty body")

    def test_1x_successes_have_the_1x_shapes(self):
        v1_flow = {key: value for key, value in FLOW.items() if key not in ("draft", "updated")}
        self.assertEqual(self.violations(
            exchange("DELETE", "/executions/%s/kill" % ID, 202, None, generation=1),
            exchange("POST", "/executions/%s/resume" % ID, 204, None, generation=1),
            exchange("POST", "/executions/restart/by-ids", 200, {"count": 1}, generation=1),
            exchange("GET", "/triggers/search", 200, {"results": [{"abstractTrigger": {}, "triggerContext": {}}],
                                                      "total": 1}, generation=1),
            exchange("GET", "/namespaces/company.team/kv", 200, [{"key": "k", "version": 1}], generation=1),
            exchange("GET", "/flows/company.team/hello", 200, v1_flow, generation=1),
        ), [])
        self.assertViolation(exchange("DELETE", "/executions/%s/actions/kill" % ID, 200, EXECUTION, generation=1),
                             "2.x-only route")
        self.assertViolation(exchange("GET", "/api/v1/configs/login", 200, {}, generation=1), "2.x-only route")
        self.assertViolation(exchange("POST", "/executions/restart/by-ids", 202,
                                      {"operationId": "o", "totalItems": 1}, generation=1), "200 {count}")
        self.assertViolation(exchange("DELETE", "/executions/%s/kill" % ID, 200, EXECUTION, generation=1),
                             "202 without a body")
        self.assertViolation(exchange("GET", "/triggers/search", 200, {"results": [{"trigger": {}, "state": {}}],
                                                                       "total": 1}, generation=1), "abstractTrigger")
        self.assertViolation(exchange("GET", "/namespaces/ns/kv", 200, [{"key": "k", "revision": 1}], generation=1),
                             "version")
        self.assertViolation(exchange("GET", "/flows/company.team/hello", 200, FLOW, generation=1), "draft")


if __name__ == "__main__":
    if SPEC_PATH is None:
        print("contract check self-test SKIPPED: no OpenAPI spec")
        sys.exit(0)
    unittest.main(verbosity=1)
