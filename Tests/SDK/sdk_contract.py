#!/usr/bin/env python3
"""Kestra's official Python SDK (kestrapy 2.0.3) driving kestra-emulator, or a real Kestra.

Usage: sdk_contract.py [--emulator PATH] [--api 1|2]

Every API area kestractl uses is exercised through the SDK's own methods: flows (create, get,
update, search, revisions, validate several documents with one invalid), executions (multipart
with a FILE input, wait, follow SSE, search, kill, restart, pause, resume, input file download),
logs (list, search, follow), namespace files, KV (every type, the ttl header, expiry), namespaces,
triggers and errors (401, 404, 409, 422). A check fails when a response does not deserialize
*strictly* into the SDK's pydantic model (the SDK itself silently falls back to an unvalidated
model, which would hide a wrong shape) or carries the wrong values.

Where the SDK's generated models disagree with what a real Kestra sends, the real server wins and
the model is relaxed before use; `SDK_CORRECTIONS` lists each case with its evidence. Where an SDK
method declares a model the 2.x server does not send for that route, `SERVER_MODELS` names the
model the server's OpenAPI spec documents.

Targets:
  * default: starts `kestra-emulator --port 0 --api N` (the debug build, or --emulator PATH) with
    basic auth, recording its exchanges with --record when KESTRA_CONTRACT_RECORD is set.
  * KESTRA_E2E_URL (+ KESTRA_E2E_USERNAME/KESTRA_E2E_PASSWORD or KESTRA_E2E_TOKEN): a real Kestra.
    Everything lives in a namespace unique to the run and is deleted afterwards; checks that need
    an emulator-only /_emulator/* hook are skipped with their reason.
Exit 0 when every check passed, 1 otherwise, 2 on bad usage.
"""

import argparse
import io
import json
import os
import re
import subprocess
import sys
import time
import traceback
import uuid
import warnings
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, Optional

# kestrapy 2.0.3 declares a model field named `validate`, which pydantic reports at import time.
warnings.filterwarnings("ignore", message='Field name "validate"')
try:
    import kestrapy
except ImportError:
    sys.exit("sdk contract: Kestra's Python SDK is not installed (pip install kestrapy==2.0.3)")
import requests  # noqa: E402 (kestrapy's own dependencies)
import sseclient  # noqa: E402
from pydantic.fields import FieldInfo  # noqa: E402
from kestrapy import KestraClient
from kestrapy.base_api import BaseApi
from kestrapy.exceptions import ApiException
from kestrapy.models import (
    AbstractTrigger, ApiAsyncOperationResponse, ApiExecution, ApiLightExecution, ApiTriggerState,
    CursorOrOffsetPagedResultsLogEntry, Execution, ExecutionControllerExecutionResponse, FileAttributes,
    FlowWithSource, KVEntry, PaginationType,
    LogEntry, MiscControllerEEConfiguration, PagedResultsApiLightExecution,
    PagedResultsApiTriggerAndState, PagedResultsApiTriggerState, State)

REPO = Path(__file__).resolve().parents[2]
TENANT = "main"
PROBLEM_PREFIX = "https://kestra.io/docs/api-reference/problems/"
EMULATOR_USER = ("admin@kestra.io", "Admin1234")


def relax(model, name, annotation):
    """Makes a field of an SDK model optional with another type, then rebuilds the model's validator."""
    model.model_fields[name] = FieldInfo.merge_field_infos(model.model_fields[name], annotation=annotation,
                                                           default=None)
    model.model_rebuild(force=True)


SDK_CORRECTIONS = [
    ("State.getDuration/getStartDate/getEndDate are required by the SDK; the server serializes those Java "
     "getters as duration/startDate/endDate (State.java's READ_ONLY getters)",
     lambda: [relax(State, "get_duration", Optional[str]), relax(State, "get_start_date", Optional[datetime]),
              relax(State, "get_end_date", Optional[datetime])]),
    ("ApiExecution/ApiLightExecution.inputs are typed Dict[str, Dict]; execution inputs are typed values "
     "(strings, numbers, kestra:/// URIs; the SDK's own Execution.inputs is Dict[str, Any])",
     lambda: [relax(ApiExecution, "inputs", Optional[Dict[str, Any]]),
              relax(ApiLightExecution, "inputs", Optional[Dict[str, Any]])]),
]

# Generation-specific differences the 2.x-generated models cannot know (1.x flows predate `draft`).
GENERATION_CORRECTIONS = {
    1: [("1.x flows have no `draft`, which the SDK's Flow/FlowWithSource require",
         lambda: [relax(kestrapy.Flow, "draft", Optional[bool]), relax(FlowWithSource, "draft", Optional[bool])]),
        ("1.x log search answers a plain PagedResults without the 2.x cursor/offset `type` (its LogController "
         "returns PagedResults<LogEntry>)",
         lambda: relax(CursorOrOffsetPagedResultsLogEntry, "type", Optional[PaginationType]))],
    2: [],
}

# (method, path pattern below /api/v1/main) -> model the 2.x server sends when the SDK declares another one
# or none (raw dict). A 1.x server sends the SDK's declared models (full Execution) or untyped pages.
SERVER_MODELS = [
    ("GET", r"/executions/search", PagedResultsApiLightExecution),
    ("GET", r"/executions/[^/]+", ApiExecution),  # SDK: Execution; spec 2.x: ApiExecution (no task-run owner ids)
    ("GET", r"/triggers/search", PagedResultsApiTriggerAndState),
    ("GET", r"/triggers/[^/]+/[^/]+", PagedResultsApiTriggerState),
    ("PUT", r"/triggers/set-disabled", ApiTriggerState),
    ("POST", r"/triggers/[^/]+/[^/]+/[^/]+/(unlock|restart)", ApiTriggerState),
    ("POST", r"/triggers/set-disabled/by-triggers", ApiAsyncOperationResponse),
    ("POST", r"/executions/[a-z-]+/by-ids", ApiAsyncOperationResponse),
    ("DELETE", r"/executions/kill/by-ids", ApiAsyncOperationResponse),
]


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


class Contract:
    """Counts what was checked and makes every SDK response pass through a strict model validation."""

    def __init__(self, api):
        self.api = api
        self.responses = 0
        self.models = set()
        self.events = 0

    def model_for(self, method, path, declared):
        relative = path.split("/api/v1/" + TENANT, 1)[-1]
        for expected_method, pattern, model in SERVER_MODELS if self.api == 2 else []:
            if method == expected_method and re.fullmatch(pattern, relative):
                return model
        return declared

    def strict(self, model, data, where):
        """Validates `data` with the model's own from_dict (no fallback); raises Failure on mismatch."""
        if model is None or not hasattr(model, "from_dict"):
            return
        items = data if isinstance(data, list) else [data]
        for item in items:
            try:
                model.from_dict(item)
            except Exception as error:  # pydantic ValidationError or ValueError from oneOf models
                raise Failure("%s: the response does not deserialize into %s: %s\n%s"
                              % (where, model.__name__, str(error)[:600], json.dumps(item)[:600])) from None
            self.responses += 1
            self.models.add(model.__name__)

    def install(self):
        """Wraps the SDK's typed request helpers so that every response is validated strictly first."""
        contract = self
        original_raw = BaseApi._raw_json_request
        lenient = BaseApi._deserialize

        def deserialize(data, return_type):
            """What the SDK's methods that bypass the helpers below (create_execution, resume_execution) call."""
            contract.strict(return_type, data, "a response deserialized by the SDK into %s" % return_type)
            return lenient(data, return_type)

        def json_request(self, method, path, return_type, **kwargs):
            response = self._request(method, path, params=kwargs.get("params"), body=kwargs.get("body"),
                                     content_type=kwargs.get("content_type"))
            data = response.json()
            contract.strict(contract.model_for(method, path, return_type), data, "%s %s" % (method, path))
            return lenient(data, return_type)

        def json_list_request(self, method, path, item_type, **kwargs):
            response = self._request(method, path, params=kwargs.get("params"), body=kwargs.get("body"),
                                     content_type=kwargs.get("content_type"))
            data = response.json()
            expect(isinstance(data, list), "%s %s: expected a JSON array" % (method, path))
            contract.strict(contract.model_for(method, path, item_type), data, "%s %s" % (method, path))
            return [lenient(item, item_type) for item in data]

        def raw_json_request(self, method, path, **kwargs):
            data = original_raw(self, method, path, **kwargs)
            if data is not None:
                contract.strict(contract.model_for(method, path, None), data, "%s %s" % (method, path))
            return data

        def sse_stream(self, path, event_type, params=None):
            """The SDK's SSE loop, checking the event ids and each non-placeholder event strictly."""
            response = self._session.get(self._base_url + path, params=params, stream=True,
                                         headers={"Accept": "text/event-stream"}, timeout=self._timeout)
            if response.status_code >= 400:
                self._raise_for_status(response)
            expect(response.headers.get("Content-Type", "").startswith("text/event-stream"),
                   "GET %s: not an event stream" % path)
            try:
                for index, event in enumerate(sseclient.SSEClient(response).events()):
                    expect((index == 0) == (event.id == "start"), "GET %s: event %d has id %r" % (path, index, event.id))
                    expect(event.id in ("start", "progress", "end"), "GET %s: unknown event id %r" % (path, event.id))
                    data = json.loads(event.data)
                    if event.id != "start":
                        contract.strict(event_type, data, "GET %s event %s" % (path, event.id))
                        contract.events += 1
                    yield event.id, lenient(data, event_type)
            finally:
                response.close()

        BaseApi._deserialize = staticmethod(deserialize)
        BaseApi._json_request = json_request
        BaseApi._json_list_request = json_list_request
        BaseApi._raw_json_request = raw_json_request
        BaseApi._sse_stream = sse_stream


class Target:
    """Where the checks run: an emulator process, or a real Kestra named by the environment."""

    def __init__(self, emulator_path, api):
        self.api = api
        self.real_url = os.environ.get("KESTRA_E2E_URL")
        self.process = None
        self.namespace = "sdk.contract.r" + uuid.uuid4().hex[:10]
        if self.real_url:
            self.url = self.real_url.rstrip("/")
            self.token = os.environ.get("KESTRA_E2E_TOKEN")
            self.credentials = (os.environ.get("KESTRA_E2E_USERNAME"), os.environ.get("KESTRA_E2E_PASSWORD"))
            if not self.token and not all(self.credentials):
                raise SystemExit("KESTRA_E2E_URL needs KESTRA_E2E_USERNAME and KESTRA_E2E_PASSWORD, or KESTRA_E2E_TOKEN")
            return
        self.token = None
        self.credentials = EMULATOR_USER
        arguments = [emulator_path, "--port", "0", "--api", str(api), "--basic-auth", ":".join(EMULATOR_USER),
                     "--time-scale", "0.01"]
        if os.environ.get("KESTRA_CONTRACT_RECORD"):
            arguments += ["--record", os.environ["KESTRA_CONTRACT_RECORD"]]
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = self.process.stdout.readline().strip()
        if not first.startswith("http"):
            self.process.kill()
            raise SystemExit("kestra-emulator did not start: %s %s" % (first, self.process.stderr.read()))
        self.url = first

    @property
    def is_real(self):
        return self.real_url is not None

    def client(self, **overrides):
        if self.token and not overrides:
            return KestraClient(host=self.url, token=self.token, timeout=60)
        username, password = overrides.get("credentials", self.credentials)
        return KestraClient(host=self.url, username=username, password=password, timeout=60)

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(10)


def flow_yaml(namespace, flow_id, body):
    return "id: %s\nnamespace: %s\n%s" % (flow_id, namespace, body)


HELLO = """description: SDK contract flow
labels:
  team: data
  env: test
inputs:
  - id: user
    type: STRING
    defaults: Kestrel
  - id: retries
    type: INT
    defaults: 3
    required: false
  - id: data
    type: FILE
    required: false
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: "Hello {{ inputs.user }}"
  - id: careful
    type: io.kestra.plugin.core.log.Log
    level: WARN
    message: careful
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 9 * * *"
"""

SLOW = """tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT30M
"""

LOG_TASK = """tasks:
  - id: t
    type: io.kestra.plugin.core.log.Log
    message: x
"""

FAILING = """tasks:
  - id: boom
    type: io.kestra.plugin.core.execution.Fail
    errorMessage: boom
"""


class Suite:
    def __init__(self, target, contract):
        self.target = target
        self.contract = contract
        self.sdk = target.client()
        self.root = target.namespace
        self.spaces = []
        self.results = []

    # -- helpers -------------------------------------------------------------------------------

    def space(self, name):
        """A namespace of its own for one check, below the run's unique root."""
        namespace = "%s.%s" % (self.root, name)
        self.spaces.append(namespace)
        return namespace

    def eventually(self, call, accept, seconds=30):
        """Retries `call` until `accept(result)`: a real Kestra indexes flows, logs and trigger states
        asynchronously (its own SDK tests retry the same way); the emulator answers at once."""
        deadline = time.time() + (seconds if self.target.is_real else 0)
        while True:
            try:
                result = call()
                if accept(result) or time.time() >= deadline:
                    return result
            except kestrapy.exceptions.NotFoundException:
                if time.time() >= deadline:
                    raise
            time.sleep(0.5)

    def start(self, namespace, flow_id, **arguments):
        """create_execution, retried while a real server has not propagated the new flow yet (404)."""
        return self.eventually(lambda: self.sdk.executions.create_execution(TENANT, namespace, flow_id, **arguments),
                               lambda _: True)

    def problem(self, error, status, slug):
        """Checks an SDK exception against the status and, for 2.x, the problem document Kestra sends."""
        expect(error.status == status, "expected HTTP %d, got %s: %s" % (status, error.status, error.body))
        if self.target.api == 1:
            return None
        if status == 401 and not error.body:
            raise Failure("a 2.x 401 carries a problem document")
        document = json.loads(error.body)
        expect(document.get("type") == PROBLEM_PREFIX + slug, "problem type %r, expected %s" % (document.get("type"), slug))
        expect(document.get("status") == status, "problem status %r" % document.get("status"))
        expect(bool(document.get("title")) and bool(document.get("detail")), "problem without title/detail")
        return document

    def raises(self, call, status, slug, alternative=None):
        """Expects an error; `alternative` is another (status, slug) the reference allows for a real server."""
        try:
            call()
        except ApiException as error:
            if alternative and error.status == alternative[0]:
                return self.problem(error, *alternative)
            return self.problem(error, status, slug)
        raise Failure("expected HTTP %d, the call succeeded" % status)

    def wait_for(self, execution_id, states, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            execution = self.sdk.executions.execution(execution_id, TENANT)
            if execution.state.current.value in states:
                return execution
            time.sleep(0.05)
        raise Failure("execution %s never reached %s" % (execution_id, states))

    def run(self, name, check, generations=(1, 2), emulator_only=None, why_not_1x=None):
        if self.target.api not in generations:
            self.results.append((name, "skipped", why_not_1x))
            return
        if emulator_only and self.target.is_real:
            self.results.append((name, "skipped", emulator_only))
            return
        try:
            check()
            self.results.append((name, "ok", ""))
        except Failure as failure:
            self.results.append((name, "FAILED", str(failure)))
        except ApiException as error:
            self.results.append((name, "FAILED", "HTTP %s %s" % (error.status, (error.body or "")[:400])))
        except Exception:
            self.results.append((name, "FAILED", traceback.format_exc(limit=4)))

    # -- checks ----------------------------------------------------------------------------------

    def server(self):
        configuration = self.sdk.misc.configuration()
        expect(isinstance(configuration, MiscControllerEEConfiguration), "configuration model")
        expect(configuration.version and configuration.version.startswith("%d." % self.target.api),
               "version %r is not API %d" % (configuration.version, self.target.api))

    def flows(self):
        flows, ns = self.sdk.flows, self.space("flows")
        source = flow_yaml(ns, "hello", HELLO)
        created = flows.create_flow(TENANT, source)
        expect(isinstance(created, FlowWithSource), "create_flow returns FlowWithSource")
        expect(created.revision == 1 and created.source == source, "revision 1 with the verbatim source")
        expect(sorted((label.key, label.value) for label in created.labels) == [("env", "test"), ("team", "data")],
               "labels as a list of Label: %r" % created.labels)
        defaults = {entry.id: entry.defaults.actual_instance if entry.defaults else None for entry in created.inputs}
        expect(defaults == {"user": "Kestrel", "retries": "3", "data": None},
               "input defaults are the Property expression text: %r" % defaults)
        expect(created.triggers[0].additional_properties.get("cron") == "0 9 * * *", "trigger keeps cron")
        expect(created.disabled is False and created.deleted is False, "disabled/deleted false")

        fetched = flows.flow(ns, "hello", TENANT, source=True)
        expect(fetched.source == source and fetched.id == "hello", "get returns the flow with its source")
        changed = source.replace("description: SDK contract flow", "description: second revision")
        updated = flows.update_flow(ns, "hello", TENANT, changed)
        expect(updated.revision == 2 and updated.description == "second revision", "update makes revision 2")
        same = flows.update_flow(ns, "hello", TENANT, updated.source)
        expect(same.revision == 2, "an identical update keeps the revision")
        revisions = flows.list_flow_revisions(ns, "hello", TENANT)
        expect([flow.revision for flow in revisions] == [1, 2], "revisions 1 and 2")
        flows.create_flow(TENANT, flow_yaml(ns + ".child", "other", LOG_TASK))
        page = self.eventually(
            lambda: flows.search_flows(TENANT, page=1, size=10, sort=["id:asc"],
                                       filters=[{"field": "namespace", "operation": "PREFIX", "value": ns}]),
            lambda page: page.total == 2)
        expect(page.total == 2 and [flow.id for flow in page.results] == ["hello", "other"], "search by namespace prefix")
        expect(all("source" not in flow.additional_properties for flow in page.results), "search results carry no source")
        listed = flows.list_flows_by_namespace(ns, TENANT)
        expect([flow.id for flow in listed] == ["hello"], "flows of exactly the namespace")

        document = self.raises(lambda: flows.flow(ns, "absent", TENANT), 404, "not-found")
        self.raises(lambda: flows.update_flow(ns, "absent", TENANT, flow_yaml(ns, "absent", SLOW)), 404, "not-found")
        # 1.x reports a duplicate as an invalid entity (422 `Invalid entity: flow.id: Flow id already exists`).
        self.raises(lambda: flows.create_flow(TENANT, source), 409, "entity-already-exists",
                    alternative=(422, "validation-failed") if self.target.is_real or self.target.api == 1 else None)
        invalid = flow_yaml(ns, "broken", "tasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n")
        document = self.raises(lambda: flows.create_flow(TENANT, invalid), 422, "validation-failed")
        if document:
            expect(document["detail"] == "tasks[0].message: must not be null", "detail %r" % document["detail"])
            expect(document.get("errors") == [{"detail": "must not be null", "pointer": "/tasks/0/message",
                                               "path": "tasks[hello].message"}], "errors %r" % document.get("errors"))
        unknown = flow_yaml(ns, "typo", "tasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.UnknownTask\n")
        self.raises(lambda: flows.create_flow(TENANT, unknown), 422, "invalid-plugin-type")

        identity = [kestrapy.IdWithNamespace(namespace=ns, id="hello")]
        expect(flows.disable_flows_by_ids(TENANT, identity).count == 1, "disable by ids counts the flow")
        disabled = flows.flow(ns, "hello", TENANT)
        expect(disabled.disabled is True and disabled.revision == 3, "disabling makes a disabled revision")
        expect(flows.enable_flows_by_ids(TENANT, identity).count == 1, "enable by ids counts the flow")
        archive = zipfile.ZipFile(io.BytesIO(flows.export_flows_by_ids(TENANT, identity)))
        exported = [archive.read(name).decode() for name in archive.namelist()]
        expect(len(exported) == 1 and exported[0].startswith("id: hello\nnamespace: %s\n" % ns),
               "export holds the flow's source: %r" % archive.namelist())
        flows.delete_flow(ns, "hello", TENANT)
        self.raises(lambda: flows.flow(ns, "hello", TENANT), 404, "not-found")

    def validation(self):
        ns = self.space("validation")
        batch = "\n---\n".join([
            flow_yaml(ns, "valid", "tasks:\n  - id: hi\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"),
            flow_yaml(ns, "nap", "tasks:\n  - id: nap\n    type: io.kestra.plugin.core.flow.Sleep\n"),
            flow_yaml(ns, "sub", "tasks:\n  - id: call\n    type: io.kestra.plugin.core.flow.Subflow\n    namespace: ''\n"),
        ])
        results = self.sdk.flows.validate_flows(TENANT, batch)
        expect([result.index for result in results] == [0, 1, 2], "one result per document")
        expect(results[0].constraints is None and results[0].flow == "valid", "the first document is valid")
        expect(results[1].constraints == "tasks[0].duration: must not be null", "Sleep without duration: %r" % results[1].constraints)
        expect(results[2].constraints == "tasks[0].namespace: must not be empty, tasks[0].flowId: must not be null",
               "Subflow without namespace/flowId: %r" % results[2].constraints)
        expect(self.sdk.flows.search_flows(TENANT, filters=[{"field": "namespace", "operation": "EQUALS", "value": ns}]).total
               in (0, 1), "validate creates nothing")

    def executions(self):
        executions, ns = self.sdk.executions, self.space("executions")
        self.sdk.flows.create_flow(TENANT, flow_yaml(ns, "run", HELLO))
        payload = b"id,name\n1,Ada\n" * 100
        created = self.start(ns, "run", labels=["origin:sdk"],
                             inputs={"user": "Ada", "data": ("people.csv", payload, "text/csv")})
        expect(isinstance(created, ExecutionControllerExecutionResponse), "create returns ExecutionResponse")
        expect(created.state.current.value == "CREATED" and len(created.state.histories) == 1, "a new execution is CREATED")
        expect(created.url and created.url.endswith("/%s/run/%s" % (ns, created.id)), "url %r" % created.url)
        expect(created.inputs["user"] == "Ada" and created.inputs["retries"] == 3, "typed inputs: %r" % created.inputs)
        uri = created.inputs["data"]
        expect(isinstance(uri, str) and uri.startswith("kestra:///") and uri.endswith("/people.csv"), "file input URI %r" % uri)
        labels = {(label.key, label.value) for label in created.labels}
        expect(("origin", "sdk") in labels and ("system.correlationId", created.id) in labels, "labels %r" % labels)

        events = list(executions.follow_execution(created.id, TENANT))
        expect(events[0][0] == "start" and events[-1][0] == "end", "follow: start ... end, got %r" % [e[0] for e in events])
        final = events[-1][1]
        expect(final.state.current.value == "SUCCESS" and final.state.end_date is not None, "ends in SUCCESS")
        expect(all(run.execution_id == created.id for run in final.task_run_list), "follow events are full Executions")
        got = executions.execution(created.id, TENANT)
        expect([run.task_id for run in got.task_run_list] == ["hello", "careful"], "task runs of the execution")
        downloaded = executions.download_file_from_execution(created.id, uri, TENANT)
        expect(downloaded == payload, "the FILE input downloads byte for byte")

        waited = executions.create_execution(TENANT, ns, "run", wait=True, inputs={"user": "Bob"})
        expect(waited.state.current.value == "SUCCESS" and waited.state.duration, "wait=true returns the finished execution")
        page = self.eventually(
            lambda: executions.search_executions(
                TENANT, page=1, size=10, sort=["state.startDate:desc"],
                filters=[{"field": "namespace", "operation": "EQUALS", "value": ns},
                         {"field": "state", "operation": "IN", "value": ["SUCCESS"]}]),
            lambda page: page["total"] == 2)
        expect(page["total"] == 2 and page["results"][0]["id"] == waited.id, "search newest first: %r" % page["total"])
        self.raises(lambda: executions.create_execution(TENANT, ns, "absent"), 404, "not-found")
        self.raises(lambda: executions.create_execution(TENANT, ns, "run", inputs={"retries": "many"}), 422, "invalid-entity")
        # kestrapy sends kill to the 2.x /actions/ route, which a 1.x server does not have.
        self.raises(lambda: executions.kill_execution(waited.id, TENANT), 409 if self.target.api == 2 else 404,
                    "conflict")
        self.raises(lambda: executions.execution("0" * 22, TENANT), 404, "not-found")
        executions.delete_execution(waited.id, TENANT)
        self.raises(lambda: executions.execution(waited.id, TENANT), 404, "not-found")

    def actions(self):
        executions, ns = self.sdk.executions, self.space("actions")
        self.sdk.flows.create_flow(TENANT, flow_yaml(ns, "slow", SLOW))
        self.sdk.flows.create_flow(TENANT, flow_yaml(ns, "failing", FAILING))
        running = self.start(ns, "slow")
        self.wait_for(running.id, {"RUNNING"})
        paused = executions.pause_execution(running.id, TENANT)
        expect(isinstance(paused, Execution) and paused.state.current.value == "PAUSED", "pause -> PAUSED")
        expect(paused.state.end_date is not None, "a PAUSED state carries endDate")
        resumed = executions.resume_execution(running.id, TENANT)
        expect(resumed.state.current.value == "RUNNING", "resume -> RUNNING, got %s" % resumed.state.current.value)
        killed = executions.kill_execution(running.id, TENANT)
        expect(killed.state.current.value in ("KILLING", "KILLED"), "kill -> KILLING/KILLED")
        self.wait_for(running.id, {"KILLED"})
        self.raises(lambda: executions.resume_execution(running.id, TENANT), 409, "conflict")

        failed = self.start(ns, "failing", wait=True)
        expect(failed.state.current.value == "FAILED", "Fail task -> FAILED")
        restarted = executions.restart_execution(failed.id, TENANT)
        expect(restarted.id == failed.id, "restart keeps the id")
        expect("RESTARTED" in [history.state.value for history in restarted.state.histories],
               "restart moves through RESTARTED: %r" % restarted.state.histories)
        again = self.wait_for(failed.id, {"FAILED"})
        expect(again.metadata.attempt_number == 2, "restart counts an attempt")

    def logs(self):
        logs, ns = self.sdk.logs, self.space("logs")
        self.sdk.flows.create_flow(TENANT, flow_yaml(ns, "chatty", HELLO))
        execution = self.start(ns, "chatty", wait=True, inputs={"user": "Ada"})
        entries = self.eventually(lambda: logs.list_logs_from_execution(execution.id, TENANT),
                                  lambda entries: len(entries) >= 2)
        expect([(entry.level.value, entry.message) for entry in entries] == [("INFO", "Hello Ada"), ("WARN", "careful")],
               "logs in order: %r" % [(e.level, e.message) for e in entries])
        expect(all(entry.execution_id == execution.id and entry.task_run_id for entry in entries), "log entry ids")
        legacy = logs.list_logs_from_execution(execution.id, TENANT, min_level="WARN")
        if self.target.api == 1:
            expect([entry.message for entry in legacy] == ["careful"], "1.x applies minLevel")
        elif not self.target.is_real:
            expect(len(legacy) == 2, "2.x ignores the 1.x minLevel parameter the SDK sends")
        if self.target.api == 2:
            at_least_warn = self.sdk.logs._session.get(
                self.target.url + "/api/v1/%s/logs/%s" % (TENANT, execution.id),
                params={"filters[level][EQUALS]": "WARN"}).json()
            self.contract.strict(LogEntry, at_least_warn, "GET logs filtered by level")
            expect([entry["message"] for entry in at_least_warn] == ["careful"], "filters[level] keeps WARN and above")
        found = self.eventually(
            lambda: logs.search_logs(TENANT, page=1, size=5, sort=["timestamp:asc"],
                                     filters=[{"field": "namespace", "operation": "EQUALS", "value": ns},
                                              {"field": "q", "operation": "EQUALS", "value": "careful"}]),
            lambda found: found.total == 1)
        expect(found.total == 1 and found.results[0].message == "careful", "search by namespace and text")
        followed = []
        for event_id, entry in logs.follow_logs_from_execution(execution.id, TENANT):
            if event_id == "progress":
                followed.append(entry.message)
            if len(followed) == 2:
                break
        expect(followed == ["Hello Ada", "careful"], "follow replays the stored entries: %r" % followed)

    def files(self):
        files, ns = self.sdk.files, self.space("files")
        files.create_namespace_directory(ns, TENANT, path="/scripts")
        content = b"print('hello')\n"
        files.create_namespace_file(ns, "/scripts/etl.py", TENANT, file_content=content)
        listing = files.list_namespace_directory_files(ns, TENANT, path="/scripts")
        expect([(entry.file_name, entry.type.value, entry.size) for entry in listing] == [("etl.py", "File", len(content))],
               "directory listing %r" % listing)
        stats = files.file_metadatas(ns, TENANT, path="/scripts/etl.py")
        expect(isinstance(stats, FileAttributes) and stats.last_modified_time > 10 ** 12, "epoch-millisecond times")
        expect(files.file_content(ns, "/scripts/etl.py", TENANT) == content, "content round-trips")
        expect([revision.revision for revision in files.file_revisions(ns, TENANT, path="/scripts/etl.py")] == [1],
               "one revision")
        expect(files.search_namespace_files(ns, "etl", TENANT) == ["/scripts/etl.py"], "search by name")
        files.move_file_directory(ns, "/scripts/etl.py", "/jobs/etl.py", TENANT)
        archive = zipfile.ZipFile(io.BytesIO(files.export_namespace_files(ns, TENANT)))
        expect(archive.read("jobs/etl.py") == content, "export is a ZIP of the tree: %r" % archive.namelist())
        files.delete_file_directory(ns, "/jobs", TENANT)
        self.raises(lambda: files.file_content(ns, "/jobs/etl.py", TENANT), 404, "not-found")

    def key_values(self):
        kv, ns = self.sdk.kv, self.space("kv")
        child = self.space("kv.child")
        values = {"s": ('"hello"', "STRING", "hello"), "n": ("42", "NUMBER", 42), "b": ("true", "BOOLEAN", True),
                  "j": ('{"a":[1,2]}', "JSON", {"a": [1, 2]}), "t": ("2025-11-02T10:00:00Z", "DATETIME", None),
                  "d": ("2025-11-02", "DATE", "2025-11-02"), "p": ("PT1H", "DURATION", None)}
        for key, (body, _, _) in values.items():
            kv.set_key_value(ns, key, TENANT, body)
        for key, (_, kind, value) in values.items():
            detail = kv.key_value(ns, key, TENANT)
            expect(detail.type.value == kind, "%s: type %s, expected %s" % (key, detail.type, kind))
            if value is not None:
                expect(detail.value == value, "%s: value %r" % (key, detail.value))
            expect(detail.revision == 1 and detail.updated is not None, "%s: revision and updated" % key)
        kv._request("PUT", kv._tenant_path(TENANT, "namespaces", ns, "kv", "brief"), body='"soon gone"',
                    content_type=kv.TEXT, headers={"ttl": "PT1S", "description": "short-lived"})
        if self.target.api == 2:
            listed = kv.list_all_keys(TENANT, page=1, size=20, sort=["key:asc"],
                                      filters=[{"field": "namespace", "operation": "EQUALS", "value": ns}]).results
        else:  # kestrapy only knows the 2.x /kv listing; 1.x lists a namespace at /namespaces/{ns}/kv.
            raw = kv._request("GET", kv._tenant_path(TENANT, "namespaces", ns, "kv")).json()
            self.contract.strict(KVEntry, raw, "GET 1.x namespace key list")
            listed = [KVEntry.from_dict(entry) for entry in raw]
            expect(all(entry.additional_properties.get("version") == 1 for entry in listed),
                   "1.x names the revision `version`: %r" % raw)
        expect([entry.key for entry in listed] == sorted(list(values) + ["brief"]), "list by namespace")
        brief = next(entry for entry in listed if entry.key == "brief")
        expect(brief.expiration_date is not None and brief.description == "short-lived", "ttl and description headers")
        kv.set_key_value(child, "leaf", TENANT, "1")
        inherited = kv.list_keys_with_inheritance(child, TENANT)
        expect(all(isinstance(entry, KVEntry) for entry in inherited) and "s" in {entry.key for entry in inherited},
               "the child sees its parent's keys")
        time.sleep(1.2)
        self.raises(lambda: kv.key_value(ns, "brief", TENANT), 410, "resource-expired")
        expect(kv.delete_key_value(ns, "s", TENANT) is True, "delete answers true")
        expect(kv.delete_key_value(ns, "s", TENANT) is False, "deleting again answers false")
        self.raises(lambda: kv.key_value(ns, "s", TENANT), 404, "not-found")
        deleted = kv.delete_key_values(ns, TENANT, kestrapy.KVControllerApiDeleteBulkRequest(keys=["n", "b", "zz"]))
        expect(sorted(deleted.keys) == ["b", "n"], "bulk delete answers the keys it deleted")

    def namespaces(self):
        ns = self.space("namespaces")
        self.sdk.flows.create_flow(TENANT, flow_yaml(ns + ".team", "n", LOG_TASK))
        page = self.eventually(
            lambda: self.sdk.namespaces.search_namespaces(
                TENANT, page=1, size=200, filters=[{"field": "q", "operation": "EQUALS", "value": ns}]),
            lambda page: ns + ".team" in [namespace.id for namespace in page.results])
        ids = [namespace.id for namespace in page.results]
        expect(ns in ids and ns + ".team" in ids, "search finds the namespace and its child: %r" % ids)
        one = self.sdk.namespaces.namespace(ns, TENANT)
        expect(one.id == ns and one.deleted is False, "namespace by id")

    def triggers(self):
        triggers, ns = self.sdk.triggers, self.space("triggers")
        self.sdk.flows.create_flow(TENANT, flow_yaml(ns, "scheduled", HELLO))
        found = self.eventually(
            lambda: triggers.search_triggers(TENANT, filters=[{"field": "namespace", "operation": "EQUALS", "value": ns}]),
            lambda found: found["total"] == 1, seconds=90)
        expect(found["total"] == 1, "one trigger: %r" % found)
        item = PagedResultsApiTriggerAndState.from_dict(found).results[0]
        expect(isinstance(item.trigger, AbstractTrigger) and item.trigger.id == "daily", "trigger definition")
        expect(item.state.flow_id == "scheduled" and item.state.next_evaluation_date is not None, "schedule state")
        per_flow = triggers.search_triggers_for_flow(TENANT, ns, "scheduled")
        expect(per_flow["total"] == 1, "triggers of the flow")
        disabled = triggers.disable_trigger_by_id(TENANT, {"namespace": ns, "flowId": "scheduled", "triggerId": "daily", "disabled": True})
        expect(disabled["disabled"] is True, "set-disabled answers the trigger state")
        bulk = triggers.disabled_triggers_by_ids(TENANT, kestrapy.TriggerControllerSetDisabledRequest(
            triggers=[kestrapy.TriggerControllerApiTriggerId(namespace=ns, flow_id="scheduled", trigger_id="daily")],
            disabled=False))
        expect(bulk["totalItems"] == 1, "bulk enable is an async operation over one trigger")
        self.raises(lambda: triggers.unlock_trigger(TENANT, ns, "scheduled", "daily"), 409, "conflict")
        self.raises(lambda: triggers.unlock_trigger(TENANT, ns, "scheduled", "nope"), 404, "not-found")

    def authentication(self):
        wrong = self.target.client(credentials=("admin@kestra.io", "Wrong-pass1"))
        self.raises(lambda: wrong.flows.search_flows(TENANT), 401, "unauthenticated")

    def sent_parameters(self):
        """What the SDK puts on the wire, read back from the emulator's journal."""
        ns = self.space("wire")
        self.sdk.flows.create_flow(TENANT, flow_yaml(ns, "run", LOG_TASK))
        execution = self.start(ns, "run", wait=True)
        self.sdk.logs.list_logs_from_execution(execution.id, TENANT, min_level="ERROR")
        journal = requests.get(self.target.url + "/_emulator/requests").json()
        sent = [entry["query"] for entry in journal if entry["path"].endswith("/logs/" + execution.id)]
        expect(sent == ["minLevel=ERROR"], "kestrapy sends the 1.x minLevel parameter: %r" % sent)

    # -- clean-up --------------------------------------------------------------------------------

    def clean_up(self):
        """Deletes what the run created (a real server keeps it otherwise)."""
        prefix = [{"field": "namespace", "operation": "PREFIX", "value": self.root}]
        try:
            running = self.sdk.executions.search_executions(TENANT, size=200, filters=prefix)
            for execution in running["results"]:
                if execution["state"]["current"] in ("CREATED", "RUNNING", "PAUSED", "RESTARTED", "QUEUED"):
                    try:
                        self.sdk.executions.kill_execution(execution["id"], TENANT)
                    except ApiException:
                        pass
            self.sdk.executions.delete_executions_by_query(TENANT, filters=prefix, include_non_terminated=True)
            self.sdk.flows.delete_flows_by_query(TENANT, filters=prefix)
            for namespace in self.spaces:
                keys = self.sdk.kv.list_all_keys(TENANT, size=100, filters=[{"field": "namespace", "operation": "EQUALS", "value": namespace}])
                if keys.results:
                    self.sdk.kv.delete_key_values(namespace, TENANT, kestrapy.KVControllerApiDeleteBulkRequest(
                        keys=[entry.key for entry in keys.results]))
                for entry in self.sdk.files.list_namespace_directory_files(namespace, TENANT):
                    self.sdk.files.delete_file_directory(namespace, "/" + entry.file_name, TENANT)
        except Exception as error:  # clean-up is best effort; report it without failing the checks
            print("sdk contract: clean-up of %s incomplete: %s" % (self.root, error))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emulator", default=str(REPO / ".build" / "debug" / "kestra-emulator"))
    parser.add_argument("--api", type=int, choices=(1, 2), default=2)
    args = parser.parse_args()
    if kestrapy.__version__ != "2.0.3":
        print("sdk contract: kestrapy %s installed, the suite targets 2.0.3" % kestrapy.__version__)
        return 1
    for _, correct in SDK_CORRECTIONS + GENERATION_CORRECTIONS[args.api]:
        correct()
    contract = Contract(args.api)
    contract.install()
    target = Target(args.emulator, args.api)
    suite = Suite(target, contract)
    where = target.url if target.is_real else "kestra-emulator --api %d" % args.api
    if not target.is_real:
        print("sdk contract: real Kestra mode skipped (set KESTRA_E2E_URL and credentials to run against one)")
    started = time.time()
    try:
        suite.run("server configuration", suite.server)
        suite.run("flows", suite.flows)
        suite.run("flow validation", suite.validation)
        suite.run("executions", suite.executions)
        suite.run("execution actions", suite.actions, generations=(2,),
                  why_not_1x="kestrapy 2.0.3 sends execution actions to the 2.x /actions/ routes only")
        suite.run("logs", suite.logs)
        suite.run("namespace files", suite.files)
        suite.run("key-value store", suite.key_values)
        suite.run("namespaces", suite.namespaces)
        suite.run("triggers", suite.triggers, generations=(2,),
                  why_not_1x="kestrapy 2.0.3 knows only the 2.x trigger routes and {trigger,state} items")
        suite.run("authentication", suite.authentication, emulator_only="the real server's credentials are not ours to vary" if target.token else None)
        suite.run("parameters on the wire", suite.sent_parameters,
                  emulator_only="needs the emulator-only /_emulator/requests journal")
        if target.is_real:
            suite.clean_up()
    finally:
        target.stop()
    failed = [result for result in suite.results if result[1] == "FAILED"]
    for name, outcome, detail in suite.results:
        if outcome != "ok":
            print("sdk contract: %s %s: %s" % (name, outcome, detail))
    print("sdk contract (kestrapy %s, %s): %d checks, %d failed, %d skipped; %d responses and %d stream events "
          "deserialized strictly into %d SDK models in %.1f s"
          % (kestrapy.__version__, where, len(suite.results), len(failed),
             sum(1 for result in suite.results if result[1] == "skipped"), contract.responses, contract.events,
             len(contract.models), time.time() - started))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
