#!/usr/bin/env python3
"""Measure the shape of a tree of contact flows: how many actions each
flow has, how big its file is, and bytes per action.  bench/gen.py's
distribution was fitted to what this prints for the shared corpus of
real exports; run it on a generated tree to compare:

    bench/corpus_stats.py ../shared/corpus/real-flows /tmp/bench-repo
"""

import json
import os
import sys

QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9, 0.99)


def flow_document(obj):
    """The flow-language document of a parsed file, or None."""
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("ContactFlow"), dict):
        obj = obj["ContactFlow"]
    content = obj.get("Content", obj if "Actions" in obj else None)
    if isinstance(content, str):
        try:
            content = json.loads(content)
        except ValueError:
            return None
    if isinstance(content, dict) and isinstance(content.get("Actions"), list):
        return content
    return None


def measure(root):
    actions, sizes, per_action = [], [], []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".git", "node_modules")]
        for name in files:
            if not name.endswith(".json"):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                data = f.read()
            try:
                doc = flow_document(json.loads(data))
            except ValueError:
                continue
            if doc is None:
                continue
            n = len(doc["Actions"])
            actions.append(n)
            sizes.append(len(data))
            if n >= 3:
                per_action.append(len(data) / n)
    return actions, sizes, per_action


def q(values):
    v = sorted(values)
    if not v:
        return "-"
    return " ".join("%g" % round(v[min(len(v) - 1, int(len(v) * p))])
                    for p in QUANTILES) + "  max %g" % round(v[-1])


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print("quantiles: " + " ".join("p%d" % (p * 100) for p in QUANTILES))
    for root in sys.argv[1:]:
        a, s, b = measure(root)
        print("%s: %d flows" % (root, len(a)))
        print("  actions per flow  %s" % q(a))
        print("  file bytes        %s" % q(s))
        print("  bytes per action  %s" % q(b))


if __name__ == "__main__":
    main()
