#!/usr/bin/env python3
"""kestractl's performance goals, measured against a release kestra-emulator (`make bench`).

Builds the release archive (scripts/release.sh: the binaries users install), starts its
kestra-emulator and times every row of the goal table with its contender in the same minutes,
interleaved (A B A B ...), then prints medians, ratios and goals and exits 1 when a goal is missed.
Timing is not a test: `make test` does not run this. See docs/performance.md.

  scripts/bench.py                 build, then measure every row
  scripts/bench.py --bin DIR       measure the kestractl and kestra-emulator in DIR (no build)
  scripts/bench.py --rows version,get --runs 21
"""

import argparse
import glob
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.parse

USER, PASSWORD = "admin@kestra.io", "Admin1234"
NAMESPACE, FLOW = "company.team", "hello_world"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def release_binaries(work):
    """Builds the release archive and unpacks it; returns the directory holding both binaries."""
    subprocess.run(["scripts/release.sh"], cwd=ROOT, check=True, stdout=sys.stderr)
    version = subprocess.run(
        ["scripts/release.sh", "version"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    archives = glob.glob(os.path.join(ROOT, "dist", f"kestractl-{version}-linux-*.tar.gz"))
    if len(archives) != 1:
        sys.exit(f"bench: expected one archive of {version} in dist/, found {archives}")
    with tarfile.open(archives[0]) as archive:
        archive.extractall(work, filter="data")
    return os.path.join(work, os.path.basename(archives[0])[: -len(".tar.gz")])


def run(command, stdin=None, env=None):
    """Runs a process to its end; returns (seconds, peak RSS in bytes). Fails on a non-zero exit."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=stdin or subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} exited {process.returncode}:\n{stderr}")
    return seconds, usage.ru_maxrss * 1024


def interleaved(runs, contenders):
    """Runs each contender `runs` times, alternating; returns each one's list of seconds."""
    times = [[] for _ in contenders]
    for _ in range(runs):
        for index, contender in enumerate(contenders):
            times[index].append(contender())
    return times


class Bench:
    def __init__(self, bin_dir, work, runs):
        self.kestractl = os.path.join(bin_dir, "kestractl")
        self.work = work
        self.runs = runs
        self.rows = []
        log = open(os.path.join(work, "emulator.log"), "w+")
        self.emulator = subprocess.Popen(
            [os.path.join(bin_dir, "kestra-emulator"), "--port", "0", "--basic-auth", f"{USER}:{PASSWORD}"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        for _ in range(100):
            log.seek(0)
            first = log.readline().strip()
            if first.startswith("http"):
                self.url = first
                break
            time.sleep(0.1)
        else:
            sys.exit("bench: kestra-emulator did not start")
        self.address = urllib.parse.urlsplit(self.url)
        # A clean HOME (no config file) and the settings from the environment, as in CI.
        self.env = {
            "PATH": os.environ["PATH"],
            "HOME": work,
            "KESTRACTL_HOST": self.url,
            "KESTRACTL_USERNAME": USER,
            "KESTRACTL_PASSWORD": PASSWORD,
        }
        self.kestractl_run(["flows", "deploy", os.path.join(ROOT, "examples/flows", NAMESPACE, FLOW + ".yml")])

    def close(self):
        self.emulator.terminate()
        self.emulator.wait()

    def kestractl_run(self, arguments, stdin=None):
        return run([self.kestractl] + arguments, stdin=stdin, env=self.env)

    def curl(self, *arguments):
        return run(["curl", "--silent", "--fail", "--user", f"{USER}:{PASSWORD}"] + list(arguments))

    def flow_url(self):
        return f"{self.url}/api/v1/main/flows/{NAMESPACE}/{FLOW}?source=true"

    def row(self, measure, mine, theirs, goal, kind="ratio"):
        """kind "ratio": mine / theirs must be <= goal; "faster": theirs / mine must be >= goal."""
        mine_median, theirs_median = statistics.median(mine), statistics.median(theirs)
        if kind == "information":
            value = mine_median / theirs_median
            met, shown, wanted = True, f"{value:.2f}x", "(information)"
        elif kind == "ratio":
            value = mine_median / theirs_median
            met, shown, wanted = value <= goal, f"{value:.2f}x", f"<= {goal}x"
        else:
            value = theirs_median / mine_median
            met, shown, wanted = value >= goal, f"{value:.1f}x faster", f">= {goal}x faster"
        self.rows.append((measure, seconds(mine_median), seconds(theirs_median), shown, wanted, met))

    def flows_directory(self, namespace, count):
        """A directory of `count` flow files flow0.yml … of `namespace`."""
        directory = os.path.join(self.work, namespace)
        os.makedirs(directory)
        for index in range(count):
            with open(os.path.join(directory, f"flow{index}.yml"), "w") as file:
                file.write(FLOW_TEMPLATE.format(id=f"flow{index}", namespace=namespace))
        return directory

    def version(self):
        mine, theirs = interleaved(
            self.runs * 2,
            [lambda: self.kestractl_run(["version"])[0], lambda: run(["curl", "--version"])[0]],
        )
        self.row("kestractl version vs curl --version", mine, theirs, 1.2)

    def get(self):
        mine, theirs = interleaved(
            self.runs * 2,
            [
                lambda: self.kestractl_run(["flows", "get", NAMESPACE, FLOW, "-o", "json"])[0],
                lambda: self.curl(self.flow_url())[0],
            ],
        )
        self.row("flows get NS ID -o json vs curl", mine, theirs, 1.5)

    def script(self):
        lines = 1000
        script = os.path.join(self.work, "gets.kctl")
        with open(script, "w") as file:
            file.write(f"flows get {NAMESPACE} {FLOW} -o json\n" * lines)
        loop = os.path.join(self.work, "keepalive.py")
        with open(loop, "w") as file:
            file.write(KEEPALIVE_LOOP)
        path = f"/api/v1/main/flows/{NAMESPACE}/{FLOW}?source=true"
        python = [sys.executable, loop, self.address.hostname, str(self.address.port), str(lines), path]
        mine, theirs = interleaved(
            self.runs,
            [lambda: self.kestractl_run(["shell", "-f", script])[0], lambda: run(python, env=self.env)[0]],
        )
        self.row(f"{lines}-line script of flows get vs Python keep-alive loop", mine, theirs, 1.5)

        def processes():
            started = time.perf_counter()
            for _ in range(lines):
                self.kestractl_run(["flows", "get", NAMESPACE, FLOW, "-o", "json"])
            return time.perf_counter() - started

        script_times, process_times = interleaved(
            3, [lambda: self.kestractl_run(["shell", "-f", script])[0], processes]
        )
        self.row(f"the same script vs {lines} kestractl flows get processes", script_times, process_times, 25, "faster")

        # The same with no line repeated (1,000 flows): every line is parsed, none comes from the
        # session's parsed-line cache. Information only: the goal's script repeats one line.
        flows = self.flows_directory("bench.get", lines)
        self.kestractl_run(["flows", "deploy", flows])
        distinct = os.path.join(self.work, "distinct.kctl")
        with open(distinct, "w") as file:
            file.writelines(f"flows get bench.get flow{index} -o json\n" for index in range(lines))
        paths = [f"/api/v1/main/flows/bench.get/flow{index}?source=true" for index in range(lines)]
        python_distinct = [sys.executable, loop, self.address.hostname, str(self.address.port), "1"] + paths
        mine, theirs = interleaved(
            self.runs,
            [lambda: self.kestractl_run(["shell", "-f", distinct])[0], lambda: run(python_distinct, env=self.env)[0]],
        )
        self.row(f"{lines} distinct lines (every line parsed) vs the same loop", mine, theirs, None, "information")

    def deploy(self):
        count = 500
        rounds = iter(range(1_000_000))

        def kestractl_deploy():
            directory = self.flows_directory(f"bench.deploy{next(rounds)}", count)
            return self.kestractl_run(["flows", "deploy", directory])[0]

        def curl_loop():
            directory = self.flows_directory(f"bench.curl{next(rounds)}", count)
            started = time.perf_counter()
            for name in sorted(os.listdir(directory)):
                self.curl(
                    "--header", "Content-Type: application/x-yaml", "--data-binary",
                    "@" + os.path.join(directory, name), f"{self.url}/api/v1/main/flows",
                )
            return time.perf_counter() - started

        mine, theirs = interleaved(max(3, self.runs // 2), [kestractl_deploy, curl_loop])
        self.row(f"flows deploy of {count} files vs a sequential curl POST loop", mine, theirs, 10, "faster")

    def transfers(self):
        size = 100 * 1024 * 1024
        source = os.path.join(self.work, "big.bin")
        with open(source, "wb") as file:
            block = os.urandom(1024 * 1024)
            for _ in range(size // len(block)):
                file.write(block)
        target = os.path.join(self.work, "downloaded")
        limit = 32 * 1024 * 1024
        peaks = {"upload": [], "get": [], "download": []}
        for _ in range(max(3, self.runs // 2)):
            peaks["upload"].append(self.kestractl_run(["nsfiles", "upload", NAMESPACE, source, "/bench/big.bin", "--override"])[1])
            peaks["get"].append(self.kestractl_run(["nsfiles", "get", NAMESPACE, "/bench/big.bin"])[1])
            if os.path.exists(target):
                os.remove(target)
            peaks["download"].append(
                self.kestractl_run(["nsfiles", "download", NAMESPACE, "/bench/big.bin", target])[1]
            )
        for name, values in peaks.items():
            peak = max(values)
            self.rows.append(
                (f"peak RSS, 100 MB nsfiles {name}", megabytes(peak), "", "", "<= 32 MB", peak <= limit)
            )


KEEPALIVE_LOOP = """
import base64, http.client, sys
host, port, repeat, paths = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
headers = {"Authorization": "Basic " + base64.b64encode(b"admin@kestra.io:Admin1234").decode()}
connection = http.client.HTTPConnection(host, port)
for path in paths * repeat:
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    if response.status != 200:
        sys.exit(f"GET {path}: {response.status}")
    sys.stdout.buffer.write(response.read())
"""

FLOW_TEMPLATE = """id: {id}
namespace: {namespace}
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: Hello from {{{{ flow.id }}}}
"""


def seconds(value):
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def megabytes(value):
    return f"{value / 1024 / 1024:.1f} MB"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", help="directory with release kestractl and kestra-emulator (skips the build)")
    parser.add_argument("--runs", type=int, default=11, help="runs per contender of the quick rows (default 11)")
    parser.add_argument("--rows", default="version,get,script,deploy,transfers")
    options = parser.parse_args()
    work = tempfile.mkdtemp(prefix="kestractl-bench-")
    try:
        bin_dir = options.bin or release_binaries(work)
        bench = Bench(bin_dir, work, options.runs)
        try:
            for name in options.rows.split(","):
                print(f"measuring {name} ...", file=sys.stderr, flush=True)
                getattr(bench, name)()
        finally:
            bench.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    header = ("measure", "kestractl", "contender", "ratio", "goal", "")
    table = [header] + [row[:5] + ("ok" if row[5] else "MISSED",) for row in bench.rows]
    widths = [max(len(str(row[column])) for row in table) for column in range(len(header))]
    for row in table:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    missed = [row[0] for row in bench.rows if not row[5]]
    if missed:
        print(f"{len(missed)} goal(s) missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
