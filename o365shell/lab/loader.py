"""Reading a lab file (YAML, ``*.lab.yml``) into a :class:`~o365shell.lab.model.Lab`.

The YAML is composed into nodes (not straight into Python values) so that every problem
can name the line it is on: bad YAML, a missing or unknown field (with a "did you mean"),
a value of the wrong kind, a duplicate key, a step without any check, and PowerShell syntax
errors in the commands, checks and setup scripts (parsed with the shell's own parser).
All problems are collected and raised together as one :class:`LabFileError`.
"""
from __future__ import annotations

import difflib
import os
from datetime import datetime, timezone
from typing import Any, Callable

import yaml

from .model import Lab, LabFileError, Script, Step, TenantStart

STR = "tag:yaml.org,2002:str"

#: field -> (required, kind) for the lab and for each step. Kinds: text, script, texts, bool, int, mapping, list.
LAB_FIELDS: dict[str, tuple[bool, str]] = {
    "lab": (True, "text"), "description": (False, "text"), "source": (False, "texts"),
    "tenant": (False, "mapping"), "clock": (False, "text"), "setup": (False, "script"), "steps": (True, "list"),
}
STEP_FIELDS: dict[str, tuple[bool, str]] = {
    "title": (True, "text"), "do": (True, "text"), "commands": (True, "script"), "hints": (False, "texts"),
    "check": (False, "script"), "check_as": (False, "text"), "expect_output": (False, "texts"),
    "allow_errors": (False, "bool"), "setup": (False, "script"), "explain": (False, "text"),
    "covers": (False, "texts"),
}
TENANT_FIELDS: dict[str, tuple[bool, str]] = {
    "snapshot": (False, "text"), "size": (False, "int"), "cloud": (False, "text"),
}
CLOUDS = ("AzureCloud", "AzureChinaCloud")
CHECK_AS = ("admin", "learner")
LAB_SUFFIXES = (".lab.yml", ".lab.yaml", ".yml", ".yaml")


class _Problems:
    """Collects ``(line, message)`` pairs while a lab file is validated."""

    def __init__(self) -> None:
        self.items: list[tuple[int | None, str]] = []

    def add(self, node: Any, message: str) -> None:
        self.items.append((_line(node), message))


def _line(node: Any) -> int | None:
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else None


def _script_line(node: yaml.ScalarNode) -> int:
    """The file line of a scalar's first content line (block scalars start below their '|')."""
    line = node.start_mark.line + 1
    return line + 1 if node.style in ("|", ">") else line


def _kind_name(kind: str) -> str:
    return {"text": "text", "script": "PowerShell text", "texts": "text or a list of texts",
            "bool": "true or false", "int": "a whole number", "mapping": "a mapping (key: value lines)",
            "list": "a list of steps ('- title: ...' items)"}[kind]


def _mapping(node: Any, fields: dict[str, tuple[bool, str]], what: str, probs: _Problems) -> dict[str, Any]:
    """The value nodes of a mapping node, by key; reports unknown, duplicate and missing keys."""
    out: dict[str, Any] = {}
    if not isinstance(node, yaml.MappingNode):
        probs.add(node, f"{what} must be a mapping of fields ({', '.join(fields)})")
        return out
    for knode, vnode in node.value:
        key = knode.value if isinstance(knode, yaml.ScalarNode) else None
        if not isinstance(key, str) or knode.tag != STR:
            probs.add(knode, f"{what}: a field name must be text")
            continue
        if key not in fields:
            close = difflib.get_close_matches(key, list(fields), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            probs.add(knode, f"{what}: unknown field '{key}'{hint}; allowed fields: {', '.join(fields)}")
            continue
        if key in out:
            probs.add(knode, f"{what}: field '{key}' is given twice")
            continue
        out[key] = vnode
    for key, (required, _kind) in fields.items():
        if required and key not in out:
            probs.add(node, f"{what}: missing required field '{key}'")
    return out


def _value(node: Any, kind: str, what: str, probs: _Problems) -> Any:
    """A field's Python value checked against its kind (None after reporting a problem)."""
    bad = f"{what} must be {_kind_name(kind)}"
    if kind in ("text", "script"):
        if not isinstance(node, yaml.ScalarNode) or node.tag != STR:
            probs.add(node, bad + (" (put quotes around it)" if isinstance(node, yaml.ScalarNode) else ""))
            return None
        if kind == "script":
            return Script(node.value, _script_line(node))
        return node.value.strip()
    if kind == "texts":
        if isinstance(node, yaml.ScalarNode):
            return [v] if (v := _value(node, "text", what, probs)) is not None else None
        if not isinstance(node, yaml.SequenceNode):
            probs.add(node, bad)
            return None
        vals = [_value(item, "text", f"{what} item", probs) for item in node.value]
        return None if any(v is None for v in vals) else vals
    if kind in ("bool", "int"):
        tag = "tag:yaml.org,2002:" + kind
        if not isinstance(node, yaml.ScalarNode) or node.tag != tag:
            probs.add(node, bad)
            return None
        return yaml.SafeLoader("").construct_object(node)
    if kind == "list":
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            probs.add(node, bad if not isinstance(node, yaml.SequenceNode) else f"{what} must list at least one step")
            return None
        return node.value
    return node  # mapping: validated by the caller


def _parse_check(script: Script | None, what: str, path: str, probs: _Problems,
                 parse: Callable[[str, str | None], Any]) -> None:
    """Report a PowerShell syntax error in ``script`` at its line in the lab file."""
    from ..language.errors import PSParseError
    if script is None or not script:
        return
    try:
        parse(script.text, path)
    except PSParseError as e:
        line = script.line + script.text.count("\n", 0, max(0, e.offset))
        probs.items.append((line, f"{what}: ParserError: {e.message}"))
    except RecursionError:
        probs.items.append((script.line, f"{what}: the PowerShell text is nested too deeply to parse"))


def _clock(node: Any, probs: _Problems) -> datetime | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
        text = node.value.strip()      # an unquoted date: YAML calls it a timestamp; we parse the text
    else:
        text = _value(node, "text", "clock", probs)
    if text is None:
        return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        probs.add(node, f"clock: '{text}' is not an ISO 8601 date and time (e.g. 2025-03-03T09:00:00Z)")
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _tenant(node: Any, base: str, probs: _Problems) -> TenantStart:
    fields = _mapping(node, TENANT_FIELDS, "tenant", probs)
    start = TenantStart()
    if "snapshot" in fields:
        snap = _value(fields["snapshot"], "text", "tenant.snapshot", probs)
        if snap is not None:
            full = snap if os.path.isabs(snap) else os.path.join(base, snap)
            if not os.path.isfile(full):
                probs.add(fields["snapshot"], f"tenant.snapshot: no such file: {snap}")
            start.snapshot = full
    if "size" in fields:
        size = _value(fields["size"], "int", "tenant.size", probs)
        if size is not None and size < 0:
            probs.add(fields["size"], "tenant.size must be zero or more")
        elif size is not None:
            start.size = size
    if "cloud" in fields:
        cloud = _value(fields["cloud"], "text", "tenant.cloud", probs)
        if cloud is not None and cloud not in CLOUDS:
            probs.add(fields["cloud"], f"tenant.cloud must be one of: {', '.join(CLOUDS)}")
        elif cloud is not None:
            start.cloud = cloud
    if start.snapshot and ("size" in fields or "cloud" in fields):
        probs.add(node, "tenant: a snapshot already fixes the tenant; give either 'snapshot' or 'size'/'cloud'")
    return start


def _step(number: int, node: Any, path: str, probs: _Problems, parse: Callable[..., Any]) -> Step | None:
    title_node = None
    if isinstance(node, yaml.MappingNode):
        title_node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "title"), None)
    label = f"step {number}"
    if isinstance(title_node, yaml.ScalarNode) and title_node.tag == STR:
        label += f" ('{title_node.value.strip()}')"
    fields = _mapping(node, STEP_FIELDS, label, probs)
    vals = {k: _value(v, STEP_FIELDS[k][1], f"{label}: {k}", probs) for k, v in fields.items()}
    if "check" not in fields and "expect_output" not in fields and isinstance(node, yaml.MappingNode):
        probs.add(node, f"{label}: no check: give 'check' (PowerShell that returns $true once the step is done) "
                        "or 'expect_output' (text the step's command must print)")
    check_as = vals.get("check_as") or "admin"
    if check_as not in CHECK_AS:
        probs.add(fields.get("check_as"), f"{label}: check_as must be one of: {', '.join(CHECK_AS)}")
    for key in ("title", "do"):
        if key in fields and vals.get(key) == "":
            probs.add(fields[key], f"{label}: {key} is empty")
    commands = vals.get("commands")
    if "commands" in fields and commands is not None and not commands:
        probs.add(fields["commands"], f"{label}: commands is empty (give the documented command(s))")
    check = vals.get("check")
    if "check" in fields and check is not None and not check:
        probs.add(fields["check"], f"{label}: check is empty")
    for key in ("commands", "check", "setup"):
        _parse_check(vals.get(key), f"{label}: {key}", path, probs, parse)
    if any(vals.get(k) is None for k in fields) or not isinstance(node, yaml.MappingNode) \
            or any(STEP_FIELDS[k][0] and k not in fields for k in STEP_FIELDS):
        return None
    return Step(number=number, title=vals["title"], do=vals["do"], commands=vals["commands"], line=_line(node) or 0,
                hints=vals.get("hints") or [], check=check, check_as=check_as,
                expect_output=vals.get("expect_output") or [], allow_errors=bool(vals.get("allow_errors")),
                setup=vals.get("setup"), explain=vals.get("explain") or "", covers=vals.get("covers") or [])


def parse_lab(text: str, path: str) -> Lab:
    """Validate lab file text (``path`` names it in errors and anchors relative snapshot paths)."""
    from ..language.parser import parse
    probs = _Problems()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = " ".join(x for x in (e.context, e.problem) if x)
        raise LabFileError(path, [(mark.line + 1 if mark else None, f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as e:
        raise LabFileError(path, [(None, f"invalid YAML: {e}")]) from None
    if root is None:
        raise LabFileError(path, [(None, "the file is empty (a lab needs 'lab:' and 'steps:')")])
    fields = _mapping(root, LAB_FIELDS, "lab file", probs)
    vals: dict[str, Any] = {}
    for key in ("lab", "description", "source", "setup", "steps"):
        if key in fields:
            vals[key] = _value(fields[key], LAB_FIELDS[key][1], key, probs)
    base = os.path.dirname(os.path.abspath(path))
    tenant = _tenant(fields["tenant"], base, probs) if "tenant" in fields else TenantStart()
    clock = _clock(fields["clock"], probs) if "clock" in fields else None
    _parse_check(vals.get("setup"), "setup", path, probs, parse)
    steps: list[Step] = []
    for i, snode in enumerate(vals.get("steps") or [], 1):
        step = _step(i, snode, path, probs, parse)
        if step is not None:
            steps.append(step)
    if probs.items:
        raise LabFileError(path, sorted(probs.items, key=lambda p: (p[0] or 0)))
    return Lab(path=path, title=vals["lab"], steps=steps, description=vals.get("description") or "",
               sources=vals.get("source") or [], tenant=tenant, clock=clock, setup=vals.get("setup"))


def load_lab(path: str) -> Lab:
    """Read and validate the lab file at ``path`` (LabFileError when it cannot be used)."""
    low = path.lower()
    if not low.endswith(LAB_SUFFIXES):
        raise LabFileError(path, [(None, "a lab file is YAML and its name ends in .lab.yml "
                                         "(see docs/LABS.md, 'Writing a lab')")])
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise LabFileError(path, [(None, f"cannot read the lab file: {e.strerror or e}")]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise LabFileError(path, [(line, "the file is not UTF-8 text")]) from None
    return parse_lab(text, path)
