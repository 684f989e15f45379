#!/usr/bin/env python3
"""flowlint server's latency and memory, as an editor sees them.

Drives `flowlint server --debounce 0` over stdio in a generated monorepo
(the workspace: its inventory and configuration are loaded as `check`
loads them) and measures:

  didChange -> publishDiagnostics   for the largest flow of the shared
                                    corpus (../shared/corpus; the largest
                                    generated flow when it is absent) and
                                    for a generated 250-action flow: the
                                    time from sending a full-text change
                                    to reading the diagnostics of that
                                    version (median and max of --reps);
                                    an editor adds the debounce (150 ms
                                    by default) on top
  memory                            the server's resident set after
                                    initialize, and with 100 flows of the
                                    repository open (VmRSS and VmHWM from
                                    /proc)

bench/run prints these with the rest; alone:
  bench/server_latency.py --flowlint BIN --repo DIR [--reps 20]
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "..", "shared", "corpus")


class Server:
    """One `flowlint server` and the messages it sends."""

    def __init__(self, flowlint, root):
        self.p = subprocess.Popen([flowlint, "server", "--debounce", "0"],
                                  cwd=root, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.request("initialize", {"processId": os.getpid(),
                                    "rootUri": "file://" + root,
                                    "capabilities": {}})
        self.notify("initialized", {})

    def send(self, msg):
        body = json.dumps(dict(msg, jsonrpc="2.0")).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError("flowlint server ended")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.p.stdout.read(length))

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            m = self.receive()
            if m.get("id") == self.next_id and "method" not in m:
                return m

    def diagnostics(self, uri, version):
        """Reads until the diagnostics of `uri` at `version` arrive."""
        while True:
            m = self.receive()
            p = m.get("params", {})
            if (m.get("method") == "textDocument/publishDiagnostics" and
                    p.get("uri") == uri and p.get("version") == version):
                return p["diagnostics"]

    def open(self, path, text):
        uri = "file://" + path
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "json", "version": 1, "text": text}})
        return uri

    def memory_kb(self):
        rss = hwm = 0
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
        return rss, hwm

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.p.wait(timeout=30)


def change_latency(server, path, reps):
    """Seconds from didChange to its publishDiagnostics, one per rep."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    uri = server.open(path, text)
    findings = len(server.diagnostics(uri, 1))
    times = []
    for v in range(2, reps + 2):
        # A change that keeps the flow as it is: trailing newlines.
        edited = text.rstrip("\n") + "\n" * (v % 2)
        t0 = time.perf_counter()
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"text": edited}]})
        server.diagnostics(uri, v)
        times.append(time.perf_counter() - t0)
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    return times, findings


def actions_of(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    content = doc.get("Content", doc)
    if isinstance(content, str):
        content = json.loads(content)
    return len(content.get("Actions", []))


def write_250(repo):
    """A generated flow with exactly 250 actions, in the repository."""
    sys.path.insert(0, HERE)
    import gen
    args = argparse.Namespace(seed=250, flows=1000, out=repo, defect_rate=0)
    g = gen.Gen(args)
    doc = g.flow("bench_250_actions", "CONTACT_FLOW", 250, False)
    wrapper = {"Name": "bench_250_actions", "Type": "CONTACT_FLOW",
               "Content": json.dumps(doc, separators=(",", ":"),
                                     ensure_ascii=False)}
    path = os.path.join(repo, "imports/resources/flows/bench_250_actions.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(wrapper, indent=2, ensure_ascii=False))
    return path


def measure(flowlint, repo, reps):
    """The report's lines."""
    repo = os.path.abspath(repo)
    flows = sorted(glob.glob(os.path.join(
        repo, "imports/resources/flows/*.json")))
    corpus = sorted(glob.glob(os.path.join(CORPUS, "**/*.json"),
                              recursive=True), key=os.path.getsize)
    if corpus:
        largest, where = corpus[-1], "the shared corpus"
    else:
        largest = max(flows, key=os.path.getsize)
        where = "the generated repository (no ../shared/corpus)"
    big = write_250(repo)
    lines = []
    server = Server(flowlint, repo)
    try:
        for label, path in (("largest flow of " + where, largest),
                            ("a generated 250-action flow", big)):
            times, findings = change_latency(server, path, reps)
            lines.append(
                "server didChange -> publishDiagnostics, %s (%s, %.0f KB, "
                "%d actions, %d findings): median %.1f ms, max %.1f ms "
                "over %d changes" % (
                    label, os.path.basename(path),
                    os.path.getsize(path) / 1e3, actions_of(path), findings,
                    statistics.median(times) * 1e3, max(times) * 1e3, reps))
        rss0, _ = server.memory_kb()
        opened = flows[:100]
        for p in opened:
            # Each flow's diagnostics are read before the next is sent:
            # sending all 100 first fills both pipes, the server blocked
            # writing diagnostics and this script writing didOpen.
            server.diagnostics(server.open(p, open(p, encoding="utf-8")
                                           .read()), 1)
        rss, hwm = server.memory_kb()
        size = sum(os.path.getsize(p) for p in opened)
        lines.append(
            "server memory: %.1f MB resident after initialize, %.1f MB with "
            "%d flows open (%.1f MB of text), peak %.1f MB" % (
                rss0 / 1024, rss / 1024, len(opened), size / 1e6,
                hwm / 1024))
        server.close()
    finally:
        if server.p.poll() is None:
            server.p.kill()
        os.remove(big)
    return lines


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--flowlint", required=True)
    p.add_argument("--repo", required=True,
                   help="a repository made by bench/gen.py")
    p.add_argument("--reps", type=int, default=20)
    a = p.parse_args()
    for line in measure(os.path.abspath(a.flowlint), a.repo, a.reps):
        print(line)


if __name__ == "__main__":
    main()
