#!/usr/bin/env python3
"""The progress line of long transfers: shown on a terminal, never in a pipe.

Usage: progress.py KESTRACTL_BINARY EMULATOR_URL  (an emulator answering each request after ~120 ms)
Runs `nsfiles upload`, `nsfiles download`, `flows deploy` and `apply` once through a real
pseudo-terminal (pexpect) and once with stdout and stderr piped. Exits 0 when every check passed.
"""
import os
import re
import subprocess
import sys
import tempfile

import pexpect

BINARY, URL = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="kestractl-progress-")
env = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "HOME": work,
    "TERM": "dumb",
    "LANG": "C.UTF-8",
    "KESTRACTL_HOST": URL,
    "KESTRACTL_USERNAME": "admin@kestra.io",
    "KESTRACTL_PASSWORD": "Admin1234",
}
failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f" -- {detail}"))
    if not condition:
        failures.append(name)


def write(relative, text):
    path = os.path.join(work, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def flow(identifier, namespace):
    return (f"id: {identifier}\nnamespace: {namespace}\ntasks:\n  - id: log\n"
            "    type: io.kestra.plugin.core.log.Log\n    message: hi\n")


for index in range(10):
    write(f"upload/file-{index:02}.txt", "x" * 2048)
    write(f"deploy/flow_{index:02}.yml", flow(f"flow_{index:02}", "progress.deploy"))
    write(f"project/flows/flow_{index:02}.yml", flow(f"flow_{index:02}", "progress.apply"))

LINE = r"\r(Uploading|Downloading|Deploying|Comparing|Checking) \d+/\d+"


def on_terminal(name, arguments, labels):
    child = pexpect.spawn(BINARY, arguments, env=env, encoding="utf-8", timeout=60, dimensions=(24, 100))
    output = child.read()
    child.close()
    check(f"{name}: exit 0 on a terminal", child.exitstatus == 0, output[-400:])
    shown = re.findall(LINE, output)
    check(f"{name}: the progress line appears on a terminal", bool(set(labels) & set(shown)), repr(output[:300]))
    last_line = max(match.end() for match in re.finditer(LINE, output)) if shown else -1
    erase = re.search(r"\r +\r", output[last_line:]) if shown else None
    result = output.find("\n", last_line)
    check(f"{name}: the line is erased before the result is printed",
          erase is not None and last_line + erase.start() < result, repr(output[last_line:last_line + 200]))


def in_a_pipe(name, arguments):
    done = subprocess.run([BINARY] + arguments, env=env, capture_output=True, text=True, timeout=60)
    check(f"{name}: exit 0 in a pipe", done.returncode == 0, done.stderr[-400:])
    check(f"{name}: nothing on stderr in a pipe", done.stderr == "", repr(done.stderr[:300]))
    check(f"{name}: no carriage return on stdout", "\r" not in done.stdout, repr(done.stdout[:300]))


upload = ["nsfiles", "upload", "progress.files", os.path.join(work, "upload"), "/", "--no-root", "--override",
          "--concurrency", "1"]
on_terminal("nsfiles upload", upload, ["Uploading"])
in_a_pipe("nsfiles upload", upload)
download = ["nsfiles", "download", "progress.files", "/", os.path.join(work, "download"), "--recursive",
            "--override", "--concurrency", "1"]
on_terminal("nsfiles download", download, ["Downloading"])
in_a_pipe("nsfiles download", download)
deploy = ["flows", "deploy", os.path.join(work, "deploy"), "--override", "--concurrency", "1"]
on_terminal("flows deploy", deploy, ["Deploying"])
in_a_pipe("flows deploy", deploy)
apply = ["apply", os.path.join(work, "project"), "--concurrency", "1"]
on_terminal("apply", apply, ["Comparing", "Deploying"])
in_a_pipe("apply", apply)

sys.exit(1 if failures else 0)
