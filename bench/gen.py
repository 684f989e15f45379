#!/usr/bin/env python3
"""Generate a synthetic contact-flow monorepo for the benchmark.

The repository has the reference layout (imports/resources/{flows,queues,
hoop,quick-connects,routing-profiles,bots}) and N flows whose sizes and
shapes follow what real repositories hold.  The distribution was measured
over the 166 flows of the shared corpus of real exports (run
bench/corpus_stats.py to measure again, and to compare a generated tree):

    actions per flow   p10 2, p25 5, median 9, p75 16, p90 29, p99 76
    bytes per action   p25 536, median 720, p75 864 (file bytes / actions)
    Text parameters    median 56 characters, p90 155
    Conditions         1 action in 8 branches on 1-5 conditions
    Errors             most actions have one NoMatchingError branch

Real console exports are flows Connect accepts, so every generated flow
is valid by the action catalog, rules/data/actions.json, read at start:
each action is of a type its flow type allows, has the parameters its
type requires, error branches of the types it raises (always one when it
depends on a resource of the target), and conditions only where its type
takes them.  Which of the allowed branches an action gets follows what
the console writes (EXPORT_TRANSITIONS).  Only the seeded defects break
a rule.

Action counts are drawn from a log-normal fitted to those quantiles
(mu = ln 9, sigma = 0.9), plus a 0.5 % tail of flows with 150-250 actions
(Connect's limit) that real corpora are too small to show but large
contact centres have.
Whispers and holds are small, main flows big, as in the reference
monorepo.  Everything follows the reference convention (object map,
placeholders, dynamic metadata), and a share of the flows (--defect-rate)
carries one seeded defect each, listed in bench-manifest.tsv at the root.

Deterministic for a given --seed.  Needs only the Python standard library.
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
import uuid

FLOW_TYPES_SMALL = ["CUSTOMER_WHISPER", "AGENT_WHISPER", "CUSTOMER_HOLD",
                    "AGENT_HOLD", "OUTBOUND_WHISPER"]
FLOW_TYPES_MID = ["CUSTOMER_QUEUE", "QUEUE_TRANSFER", "AGENT_TRANSFER"]

# Action types of the flow body with their relative frequency in the
# corpus (terminal types are placed by the graph builder instead).
BODY_TYPES = [
    ("MessageParticipant", 340), ("UpdateContactAttributes", 145),
    ("InvokeLambdaFunction", 123), ("Compare", 81),
    ("UpdateContactEventHooks", 71), ("TransferToFlow", 40),
    ("GetParticipantInput", 62), ("UpdateContactTargetQueue", 47),
    ("UpdateContactRecordingBehavior", 24),
    ("UpdateContactTextToSpeechVoice", 24), ("CheckHoursOfOperation", 15),
    ("ConnectParticipantWithLexBot", 27), ("CheckMetricData", 26),
    ("UpdateContactData", 25), ("InvokeFlowModule", 10),
    ("Loop", 20), ("DistributeByPercentage", 5), ("Wait", 8),
]

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, "..", "rules", "data", "actions.json")
RESOURCE_PARAMETERS = os.path.join(HERE, "..", "rules", "data",
                                   "resource-parameters.json")

# Hold flows cannot play a message once; they loop one.
SUBSTITUTES = {"MessageParticipant": "MessageParticipantIteratively"}

# How the console writes each body type's transitions, as counted over the
# corpus of real exports: its error branches, the share of actions that
# have them when no resource depends on them, and its conditions ("menu":
# 1-5 key presses with console metadata, "catalog": one per operand the
# catalog allows, else (operator, [operands]) to draw 1-3 from).
EXPORT_TRANSITIONS = {
    "MessageParticipant": (["NoMatchingError"], 0.25, None),
    "MessageParticipantIteratively": (["NoMatchingError"], 1, None),
    "UpdateContactAttributes": (["NoMatchingError"], 1, None),
    "InvokeLambdaFunction": (["NoMatchingError"], 1, None),
    "Compare": (["NoMatchingCondition"], 1, "menu"),
    "UpdateContactEventHooks": (["NoMatchingError"], 1, None),
    "TransferToFlow": (["NoMatchingError"], 1, None),
    "GetParticipantInput": (["InputTimeLimitExceeded", "NoMatchingCondition",
                             "NoMatchingError"], 1, "menu"),
    "UpdateContactTargetQueue": (["NoMatchingError"], 1, None),
    "UpdateContactRecordingBehavior": ([], 0, None),
    "UpdateContactTextToSpeechVoice": (["NoMatchingError"], 0.3, None),
    "CheckHoursOfOperation": (["NoMatchingError"], 1, "catalog"),
    "ConnectParticipantWithLexBot": (
        ["NoMatchingCondition", "NoMatchingError"], 1,
        ("Equals", ["Sales", "Billing", "Support", "Agent"])),
    "CheckMetricData": (["NoMatchingCondition", "NoMatchingError"], 1,
                        ("NumberGreaterThan", ["0", "2", "5"])),
    "UpdateContactData": (["NoMatchingError"], 1, None),
    "InvokeFlowModule": (["NoMatchingError"], 1, None),
    "Loop": ([], 0, "catalog"),
    "DistributeByPercentage": (["NoMatchingCondition"], 1, None),
    "Wait": (["NoMatchingError"], 1, ("Equals", ["WaitCompleted"])),
}

WORDS = ("thank you for calling please hold while we connect you to the next "
         "available agent your call is important to us press one for sales "
         "two for billing three for support our offices are closed "
         "please call back during business hours we are experiencing high "
         "call volumes estimated wait time is minutes goodbye").split()

TEAMS = ["acme", "nw", "contoso", "globex", "initech", "umbrella", "wayne",
         "stark", "hooli", "vandelay"]
PURPOSES = ["main", "sales", "billing", "support", "outage", "callback",
            "survey", "vip", "spanish", "after_hours", "holiday", "claims",
            "renewals", "fraud", "orders", "returns"]

DEFECTS = [
    ("hardcoded-arn", "FL101"),
    ("missing-object-map", "FL201"),
    ("object-map-bypassed", "FL202"),
    ("unused-object-map-entry", "FL204"),
    ("dangling-transition", "FL301"),
    ("dangling-placeholder", "FL304"),
    ("orphan-metadata", "FL305"),
    ("unreachable-action", "FL306"),
    ("duplicate-identifier", "FL307"),
    ("attribute-shadows-object-map", "FL308"),
    ("dynamic-metadata-mismatch", "FL309"),
    ("malformed-placeholder", "FL401"),
    ("name-mismatch", "FL003"),
]
# Much rarer: a file cut short, as a template substitution leaves it.
INVALID_JSON_RATE = 0.001


def name_token(i):
    """i as a word of the letters a-z: the replacer's name pattern
    ([a-zA-Z1-9_ .]) has no 0, so digits would make every name FL401."""
    s = ""
    i += 1
    while i > 0:
        i -= 1
        s = chr(ord("a") + i % 26) + s
        i //= 26
    return s


class Catalog:
    """What Connect accepts per action type, from the catalog flowlint
    uses, and a check at start that EXPORT_TRANSITIONS stays inside it."""

    def __init__(self):
        with open(CATALOG, encoding="utf-8") as f:
            self.actions = json.load(f)["actions"]
        with open(RESOURCE_PARAMETERS, encoding="utf-8") as f:
            self.resource_params = json.load(f)
        for atype, (errors, share, conds) in EXPORT_TRANSITIONS.items():
            e = self.actions[atype]
            known = e.get("errors")
            bad = [x for x in errors if known is not None and x not in known]
            required = e.get("required-errors", [])
            if (bad or not set(required) <= set(errors)
                    or (required and share != 1)
                    or (conds and e.get("conditions") is False)
                    or (conds == "catalog" and not isinstance(
                        e.get("conditions"), dict))):
                sys.exit("gen.py: EXPORT_TRANSITIONS[%s] disagrees with %s"
                         % (atype, CATALOG))

    def allowed(self, atype, kind):
        types = self.actions[atype]["flow-types"]
        return types == "*" or kind in types

    def required_params(self, atype):
        return [p for p, spec in self.actions[atype]["parameters"].items()
                if spec.get("required")]

    def operands(self, atype):
        return self.actions[atype]["conditions"]["operands"]

    def depends_on_resource(self, atype, params):
        """Whether a parameter of the action names a target resource
        (then a missing resource needs an error branch)."""
        for path in self.resource_params.get(atype, {}):
            node = params
            for part in path.split("/"):
                if not isinstance(node, dict):
                    break
                node = (next(iter(node.values()), None) if part == "*"
                        else node.get(part))
            else:
                if node is not None:
                    return True
        return False


class Gen:
    def __init__(self, args):
        self.a = args
        self.r = random.Random(args.seed)
        self.catalog = Catalog()
        n = args.flows
        self.queues = ["q_%s" % name_token(i) for i in range(max(4, n // 20))]
        self.hours = ["h_%s" % name_token(i) for i in range(max(2, n // 50))]
        self.bots = ["bot_%s" % name_token(i) for i in range(max(1, n // 500))]
        self.prompts = ["p_%s.wav" % name_token(i) for i in range(max(4, n // 25))]
        self.lambdas = ["fn_%s" % name_token(i) for i in range(max(2, n // 40))]
        self.flow_names = []
        self.module_names = []
        self.manifest = []

    def uid(self):
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def text(self):
        n = max(3, int(self.r.lognormvariate(math.log(11), 0.7)))
        return " ".join(self.r.choice(WORDS) for _ in range(n)).capitalize() + "."

    def action_count(self, ftype):
        r = self.r
        if ftype in FLOW_TYPES_SMALL:
            return r.randint(2, 4)
        if r.random() < 0.005:
            return r.randint(150, 250)
        n = int(round(r.lognormvariate(math.log(9), 0.9)))
        return max(3, min(n, 250))

    # --- resources ---------------------------------------------------

    def write(self, rel, obj, indent=2, newline=False):
        path = os.path.join(self.a.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = json.dumps(obj, indent=indent, ensure_ascii=False)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + ("\n" if newline else ""))

    def resources(self):
        res = "imports/resources"
        for h in self.hours:
            days = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]
            self.write("%s/hoop/%s.json" % (res, h), {
                "Name": h, "TimeZone": "US/Eastern",
                "Config": [{"Day": d, "EndTime": {"Hours": 18, "Minutes": 0},
                            "StartTime": {"Hours": 8, "Minutes": 0}}
                           for d in days]})
        for q in self.queues:
            self.write("%s/queues/%s.json" % (res, q), {
                "Name": q, "Status": "ENABLED",
                "HoursOfOperationId": self.r.choice(self.hours),
                "Tags": {"repository": "connect-cicd/admin-objects"},
                "OutboundCallerConfig": {"OutboundCallerIdName": "Acme"},
                "QuickConnects": []})
        for q in self.queues[: max(2, len(self.queues) // 3)]:
            self.write("%s/quick-connects/%s.json" % (res, q), {
                "Name": q, "Type": "QUEUE",
                "QuickConnectConfig": {"QueueConfig": {"QueueId": q}}})
        for i in range(max(1, len(self.queues) // 5)):
            name = "rp_%s" % name_token(i)
            qs = self.r.sample(self.queues, min(3, len(self.queues)))
            self.write("%s/routing-profiles/%s.json" % (res, name), {
                "Name": name, "DefaultOutboundQueueId": qs[0],
                "QueueConfigs": [{"QueueId": q, "Priority": 1, "Delay": 0,
                                  "Channel": "VOICE"} for q in qs],
                "MediaConcurrencies": [{"Channel": "VOICE",
                                        "Concurrency": 1}]})
        for b in self.bots:
            base = "%s/bots/%s" % (res, b)
            self.write(base + "/Manifest.json", {
                "metadata": {"schemaVersion": "1", "fileFormat": "LexJson",
                             "resourceType": "Bot"}})
            self.write(base + "/aliases.json", [{
                "botAliasName": "current",
                "conversationLogSettings": {"textLogSettings": [{
                    "destination": {"cloudWatch": {
                        "cloudWatchLogGroupArn":
                        "arn:aws:logs:${REGION}:${ACCT_ID}:log-group:%s" % b,
                        "logPrefix": "lex"}}, "enabled": True}]}}])
            self.write(base + "/%s/Bot.json" % b, {
                "name": b, "idleSessionTTLInSeconds": 300,
                "dataPrivacy": {"childDirected": False}})

    # --- flows -------------------------------------------------------

    def placeholder_arn(self, kind, name):
        if kind == "queue":
            return ("arn:aws:connect:${REGION}:${ACCT_ID}:instance/"
                    "${INSTANCE_ID}/queue/${Q:%s:Q}" % name)
        if kind == "flow":
            return ("arn:aws:connect:${REGION}:${ACCT_ID}:instance/"
                    "${INSTANCE_ID}/contact-flow/${F:%s:F}" % name)
        if kind == "module":
            return ("arn:aws:connect:${REGION}:${ACCT_ID}:instance/"
                    "${INSTANCE_ID}/flow-module/${M:%s:M}" % name)
        if kind == "hours":
            return ("arn:aws:connect:${REGION}:${ACCT_ID}:instance/"
                    "${INSTANCE_ID}/operating-hours/${H:%s:H}" % name)
        if kind == "prompt":
            return ("arn:aws:connect:${REGION}:${ACCT_ID}:instance/"
                    "${INSTANCE_ID}/prompt/${P:%s:P}" % name)
        if kind == "lambda":
            return "arn:aws:lambda:$.AwsRegion:${ACCT_ID}:function:%s" % name
        if kind == "bot":
            return ("arn:aws:lex:$.AwsRegion:${ACCT_ID}:bot-alias/%s/current"
                    % name)
        raise ValueError(kind)

    def resource(self, kind, own_name):
        r = self.r
        if kind == "queue":
            return r.choice(self.queues)
        if kind == "hours":
            return r.choice(self.hours)
        if kind == "prompt":
            return r.choice(self.prompts)
        if kind == "lambda":
            return r.choice(self.lambdas)
        if kind == "bot":
            return r.choice(self.bots)
        if kind == "module":
            # Modules cannot invoke modules.
            if own_name.endswith("_module") or not self.module_names:
                return None
            return r.choice(self.module_names)
        # A flow transfers to flows written before it, never to itself.
        if len(self.flow_names) > 0:
            return r.choice(self.flow_names[-200:])
        return None

    def body_action(self, atype, refs, own_name):
        """Parameters and metadata for one body action, or None when the
        flow has no resource it needs.  `refs` collects the object-map
        entries ($.FlowAttributes keys) the flow needs."""
        r = self.r
        meta = {}

        def ref(kind, param_meta_path):
            name = self.resource(kind, own_name)
            if name is None:
                return None
            key = name.replace(".wav", "") if kind == "prompt" else name
            refs[key] = (kind, name)
            parameters = meta.setdefault("parameters", {})
            node = parameters
            parts = param_meta_path.split("/")
            for p in parts[:-1]:
                node = node.setdefault(p, {})
            node[parts[-1]] = {"useDynamic": True}
            meta["useDynamic"] = True
            return "$.FlowAttributes." + key

        if atype == "MessageParticipant":
            if r.random() < 0.3:
                v = ref("prompt", "PromptId")
                if v:
                    return {"PromptId": v}, meta
            return {"Text": self.text()}, meta
        if atype == "MessageParticipantIteratively":
            return {"Messages": [{"Text": self.text()}],
                    "InterruptFrequencySeconds": "60"}, meta
        if atype == "UpdateContactAttributes":
            attrs = {"attr_%s" % name_token(r.randrange(60)): self.text()[:20]
                     for _ in range(r.randint(1, 4))}
            return {"Attributes": attrs, "TargetContact": "Current"}, meta
        if atype == "InvokeLambdaFunction":
            v = ref("lambda", "LambdaFunctionARN")
            meta["dynamicMetadata"] = {}
            return {"LambdaFunctionARN": v, "InvocationTimeLimitSeconds": "3",
                    "ResponseValidation": {"ResponseType": "STRING_MAP"}}, meta
        if atype == "Compare":
            return {"ComparisonValue": "$.Attributes.choice"}, meta
        if atype == "UpdateContactEventHooks":
            hook = r.choice(["CustomerQueue", "CustomerHold", "AgentWhisper",
                             "CustomerWhisper"])
            v = ref("flow", "EventHooks/" + hook)
            if v is None:
                return None
            meta["customerOrAgent"] = True
            return {"EventHooks": {hook: v}}, meta
        if atype == "TransferToFlow":
            v = ref("flow", "ContactFlowId")
            return ({"ContactFlowId": v}, meta) if v else None
        if atype == "GetParticipantInput":
            return {"Text": self.text(), "StoreInput": "False",
                    "InputTimeLimitSeconds": "5"}, meta
        if atype == "UpdateContactTargetQueue":
            return {"QueueId": ref("queue", "QueueId")}, meta
        if atype == "UpdateContactRecordingBehavior":
            return {"RecordingBehavior": {"RecordedParticipants": ["Agent",
                                                                   "Customer"]}}, meta
        if atype == "UpdateContactTextToSpeechVoice":
            meta["overrideConsoleVoice"] = False
            return {"TextToSpeechVoice": r.choice(["Joanna", "Matthew",
                                                   "Lupe"])}, meta
        if atype == "CheckHoursOfOperation":
            # The working queue's hours, as most exports do: the reference
            # deploy's replacer cannot resolve a reference to hours.
            return {}, meta
        if atype == "ConnectParticipantWithLexBot":
            v = ref("bot", "LexV2Bot/AliasArn")
            meta["useDynamicLexBotArn"] = True
            meta["lexV2BotName"] = ""
            return {"Text": self.text(), "LexV2Bot": {"AliasArn": v}}, meta
        if atype == "CheckMetricData":
            return {"MetricType": "NumberOfAgentsAvailable",
                    "QueueId": ref("queue", "QueueId")}, meta
        if atype == "UpdateContactData":
            return {"LanguageCode": "en-US"}, meta
        if atype == "InvokeFlowModule":
            v = ref("module", "FlowModuleId")
            return ({"FlowModuleId": v}, meta) if v else None
        if atype == "Loop":
            return {"LoopCount": str(r.randint(2, 5))}, meta
        if atype == "DistributeByPercentage":
            return {}, meta
        if atype == "Wait":
            return {"TimeLimitSeconds": "30"}, meta
        raise ValueError(atype)

    def pick_type(self, kind):
        """A body type flow kind `kind` allows, by corpus frequency."""
        types = []
        for t, w in BODY_TYPES:
            if not self.catalog.allowed(t, kind):
                t = SUBSTITUTES.get(t)
            if t and self.catalog.allowed(t, kind):
                types.append((t, w))
        x = self.r.uniform(0, sum(w for _, w in types))
        for t, w in types:
            x -= w
            if x <= 0:
                return t
        return types[0][0]

    def body(self, kind, refs, own_name):
        """Type, parameters and metadata of one valid body action."""
        while True:
            atype = self.pick_type(kind)
            made = self.body_action(atype, refs, own_name)
            if made and all(p in made[0] for p in
                            self.catalog.required_params(atype)):
                return (atype,) + made

    def conditions(self, atype, later, ameta):
        """The Conditions of an action of `atype` (maybe none)."""
        r = self.r
        how = EXPORT_TRANSITIONS[atype][2]
        if how is None:
            return []
        if how == "catalog":
            pairs = [("Equals", v) for v in self.catalog.operands(atype)]
        elif how == "menu":
            pairs = [("Equals", str(c + 1)) for c in
                     range(r.choice([1, 2, 2, 3, 4, 5]))]
            ameta["conditionMetadata"] = [
                {"id": self.uid(),
                 "operator": {"name": "Equals", "value": "Equals",
                              "shortDisplay": "="},
                 "value": v} for _, v in pairs]
        else:
            op, values = how
            pairs = [(op, v) for v in values[: r.randint(1, len(values))]]
        return [{"NextAction": r.choice(later),
                 "Condition": {"Operator": op, "Operands": [v]}}
                for op, v in pairs]

    def errors(self, atype, params, later, end_id):
        """The error branches the console writes for the action."""
        types, share, _ = EXPORT_TRANSITIONS[atype]
        if not (self.catalog.depends_on_resource(atype, params)
                or self.r.random() < share):
            return []
        return [{"NextAction": end_id if t == "NoMatchingError"
                 else self.r.choice(later), "ErrorType": t} for t in types]

    def flow(self, name, ftype, nacts, is_module):
        """The flow-language document and the list of defects it carries."""
        r = self.r
        kind = "MODULE" if is_module else ftype
        refs = {}
        actions = []
        meta = {}
        ids = []
        # Fixed head: logging -> object map -> body -> terminal.
        head = self.uid()
        map_id = "FLOW_OBJECT_MAPS#"
        nbody = max(0, nacts - 3)
        body_ids = [self.uid() for _ in range(nbody)]
        end_id = self.uid()
        # A two-action whisper starts at its object map.
        chain = ([head] if nacts >= 3 else []) + [map_id] + body_ids + [end_id]
        ids = list(chain)
        for k, aid in enumerate(chain):
            if aid == head:
                actions.append({"Parameters": {"FlowLoggingBehavior": "Enabled"},
                                "Identifier": aid,
                                "Type": "UpdateFlowLoggingBehavior",
                                "Transitions": {"NextAction": chain[k + 1]}})
                continue
            if aid == map_id:
                actions.append(None)	# filled in once refs are known
                continue
            if aid == end_id:
                t = ("EndFlowModuleExecution" if is_module else
                     "EndFlowExecution" if ftype in FLOW_TYPES_SMALL else
                     "DisconnectParticipant")
                actions.append({"Parameters": {}, "Identifier": aid,
                                "Type": t, "Transitions": {}})
                continue
            atype, params, ameta = self.body(kind, refs, name)
            later = chain[k + 1:]
            tr = {"NextAction": chain[k + 1]}
            conditions = self.conditions(atype, later, ameta)
            if conditions:
                tr["Conditions"] = conditions
            errors = self.errors(atype, params, later, end_id)
            if errors:
                tr["Errors"] = errors
            actions.append({"Parameters": params, "Identifier": aid,
                            "Type": atype, "Transitions": tr})
            if ameta:
                meta[aid] = ameta
        fattrs = {key: {"Value": self.placeholder_arn(kind, rname)}
                  for key, (kind, rname) in sorted(refs.items())}
        k = chain.index(map_id)
        actions[k] = {"Parameters": {"FlowAttributes": fattrs},
                      "Identifier": map_id, "Type": "UpdateFlowAttributes",
                      "Transitions": {"NextAction": chain[k + 1]}}
        action_meta = {}
        x = 40.0
        for aid in ids:
            m = {"position": {"x": round(x, 1),
                              "y": round(r.uniform(0, 600), 1)}}
            if aid == map_id:
                m["isFriendlyName"] = True
            m.update(meta.get(aid, {}))
            action_meta[aid] = m
            x += 220.0
        doc = {"Version": "2019-10-30", "StartAction": chain[0],
               "Metadata": {"entryPointPosition": {"x": -70.4, "y": 12.8},
                            "ActionMetadata": action_meta,
                            "Annotations": []},
               "Actions": actions}
        if is_module:
            doc["Settings"] = {
                "InputParameters": [], "OutputParameters": [],
                "Transitions": [{"DisplayName": "Success",
                                 "ReferenceName": "Success",
                                 "Description": ""},
                                {"DisplayName": "Error",
                                 "ReferenceName": "Error",
                                 "Description": ""}]}
        return doc

    def seed_defect(self, doc, kind, flow_kind):
        """Applies defect `kind` to `doc`, a flow of `flow_kind`; returns
        False when the flow has no place for it (too small, no
        references)."""
        r = self.r
        acts = doc["Actions"]
        amap = next((a for a in acts if a["Identifier"] == "FLOW_OBJECT_MAPS#"),
                    None)
        fattrs = amap["Parameters"]["FlowAttributes"] if amap else {}
        body = [a for a in acts if a["Type"] not in (
            "UpdateFlowLoggingBehavior", "UpdateFlowAttributes",
            "DisconnectParticipant", "EndFlowExecution",
            "EndFlowModuleExecution")]
        ameta = doc["Metadata"]["ActionMetadata"]
        if kind == "hardcoded-arn":
            if not fattrs:
                return False
            key = r.choice(sorted(fattrs))
            fattrs[key]["Value"] = (
                "arn:aws:connect:us-east-1:123456789012:instance/"
                "%s/queue/%s" % (self.uid(), self.uid()))
            return True
        if kind == "missing-object-map":
            if not fattrs or acts[0] is amap:
                return False
            acts[0]["Transitions"]["NextAction"] = amap["Transitions"]["NextAction"]
            acts.remove(amap)
            del ameta["FLOW_OBJECT_MAPS#"]
            return True
        if kind == "object-map-bypassed":
            if not fattrs or acts[0] is amap:
                return False
            acts[0]["Transitions"]["Errors"] = [
                {"NextAction": amap["Transitions"]["NextAction"],
                 "ErrorType": "NoMatchingError"}]
            return True
        if kind == "unused-object-map-entry":
            # A lone entry is the documented dummy the block needs, which
            # FL204 leaves alone: add a second one.
            if amap is None or not fattrs:
                return False
            fattrs["stale_%s" % name_token(r.randrange(1000))] = {
                "Value": self.placeholder_arn("queue", r.choice(self.queues))}
            return True
        if kind == "dangling-transition":
            if not body:
                return False
            r.choice(body)["Transitions"]["NextAction"] = self.uid()
            return True
        if kind == "dangling-placeholder":
            # In an action's parameter, where the deploy resolves it (the
            # object map is rebuilt from the references, so a placeholder
            # there is never resolved).
            queued = [a for a in body if str(a["Parameters"].get(
                "QueueId", "")).startswith("$.FlowAttributes.")]
            if not queued:
                return False
            r.choice(queued)["Parameters"]["QueueId"] = \
                self.placeholder_arn("queue", "gone_queue")
            return True
        if kind == "orphan-metadata":
            ameta[self.uid()] = {"position": {"x": 10.0, "y": 10.0}}
            return True
        if kind == "unreachable-action":
            aid = self.uid()
            if self.catalog.allowed("MessageParticipant", flow_kind):
                message = {"Parameters": {"Text": self.text()},
                           "Type": "MessageParticipant"}
            else:
                message = {"Parameters": {"Messages": [{"Text": self.text()}]},
                           "Type": "MessageParticipantIteratively"}
            message.update({"Identifier": aid, "Transitions": {
                "NextAction": acts[-1]["Identifier"]}})
            acts.append(message)
            ameta[aid] = {"position": {"x": 10.0, "y": 700.0}}
            return True
        if kind == "duplicate-identifier":
            if len(body) < 2:
                return False
            body[-1]["Identifier"] = body[0]["Identifier"]
            return True
        if kind == "attribute-shadows-object-map":
            if not fattrs:
                return False
            key = r.choice(sorted(fattrs))
            aid = self.uid()
            first = amap["Transitions"]["NextAction"]
            amap["Transitions"]["NextAction"] = aid
            acts.insert(2, {"Parameters": {"FlowAttributes": {
                key: {"Value": "override"}}}, "Identifier": aid,
                "Type": "UpdateFlowAttributes",
                "Transitions": {"NextAction": first}})
            ameta[aid] = {"position": {"x": 10.0, "y": 300.0}}
            return True
        if kind == "dynamic-metadata-mismatch":
            for a in body:
                m = ameta.get(a["Identifier"], {})
                if "parameters" in m:
                    del m["parameters"]
                    m.pop("useDynamic", None)
                    return True
            return False
        if kind == "malformed-placeholder":
            if not fattrs:
                return False
            key = r.choice(sorted(fattrs))
            fattrs[key]["Value"] = self.placeholder_arn("queue", "sales-queue")
            return True
        raise ValueError(kind)

    def flows(self):
        a = self.a
        r = self.r
        nmod = max(1, a.flows // 20)
        out = os.path.join(a.out, "imports/resources/flows")
        os.makedirs(out, exist_ok=True)
        for i in range(a.flows):
            is_module = i < nmod
            team = TEAMS[i % len(TEAMS)]
            if is_module:
                ftype = None
            else:
                u = r.random()
                ftype = (r.choice(FLOW_TYPES_SMALL) if u < 0.12 else
                         r.choice(FLOW_TYPES_MID) if u < 0.3 else
                         "CONTACT_FLOW")
            name = "%s_%s_%s%s" % (team, r.choice(PURPOSES), name_token(i),
                                   "_module" if is_module else "_AUTO")
            nacts = self.action_count(ftype or "MODULE")
            doc = self.flow(name, ftype, nacts, is_module)
            defect = None
            if r.random() < a.defect_rate:
                kinds = list(DEFECTS)
                r.shuffle(kinds)
                for kind, code in kinds:
                    if kind == "name-mismatch" or self.seed_defect(
                            doc, kind, ftype or "MODULE"):
                        defect = (kind, code)
                        break
            wrapper = {"Name": name}
            if ftype:
                wrapper["Type"] = ftype
            wrapper["Content"] = json.dumps(doc, separators=(",", ":"),
                                            ensure_ascii=False)
            wrapper["Tags"] = {"repository": "connect-cicd/contact-flows"}
            if r.random() < 0.5:
                wrapper["Description"] = "Provisioned via Terraform"
            file_name = name
            if defect and defect[0] == "name-mismatch":
                file_name = name + "_copy"
            # Exporter layout: 2-space indent, mostly no final newline;
            # a few files were re-indented by an editor.
            indent = 4 if r.random() < 0.02 else 2
            text = json.dumps(wrapper, indent=indent, ensure_ascii=False)
            if r.random() < 0.3:
                text += "\n"
            if r.random() < INVALID_JSON_RATE:
                text = text[: len(text) // 2]
                defect = ("invalid-json", "FL001")
            rel = "imports/resources/flows/%s.json" % file_name
            with open(os.path.join(a.out, rel), "w", encoding="utf-8") as f:
                f.write(text)
            # A cut-short file is no resource the deploy could refer to.
            if not (defect and defect[1] == "FL001"):
                (self.module_names if is_module else
                 self.flow_names).append(name)
            if defect:
                self.manifest.append((rel, defect[1], defect[0]))

    def git(self):
        env = dict(os.environ, GIT_AUTHOR_NAME="bench",
                   GIT_AUTHOR_EMAIL="bench@example.com",
                   GIT_COMMITTER_NAME="bench",
                   GIT_COMMITTER_EMAIL="bench@example.com",
                   GIT_AUTHOR_DATE="2024-01-01T00:00:00Z",
                   GIT_COMMITTER_DATE="2024-01-01T00:00:00Z")
        def run(*cmd):
            subprocess.run(("git",) + cmd, cwd=self.a.out, env=env,
                           check=True, stdout=subprocess.DEVNULL)
        run("init", "-q", "-b", "main")
        run("add", "-A")
        run("commit", "-q", "-m", "synthetic contact-flow monorepo")

    def run(self):
        self.resources()
        self.flows()
        with open(os.path.join(self.a.out, "bench-manifest.tsv"), "w") as f:
            f.write("path\tcode\tdefect\n")
            for row in self.manifest:
                f.write("\t".join(row) + "\n")
        if self.a.git:
            self.git()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out", help="folder to create (must not exist)")
    p.add_argument("--flows", type=int, default=10000,
                   help="number of flows and modules (default 10000)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--defect-rate", type=float, default=0.05,
                   help="share of flows with one seeded defect (0.05)")
    p.add_argument("--git", action="store_true",
                   help="make it a git repository with one commit")
    a = p.parse_args()
    if os.path.exists(a.out):
        sys.exit("gen.py: %s exists; remove it first" % a.out)
    Gen(a).run()


if __name__ == "__main__":
    main()
