"""Microsoft.PowerShell.Utility: text cmdlets — Get-Verb, Join-String and Select-String (MatchInfo)."""
from __future__ import annotations

import os
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, ItemNotFoundException
from o365shell.engine.netlib.exceptions import DotNetException
from o365shell.engine.netlib.wildcard import compile_wildcard, has_wildcard

from .utility_common import PropExpr, has_item, parse_properties, read_text

UTIL = "Microsoft.PowerShell.Utility"


# ============================================================================= Get-Verb

_VERBS = [
    ("Add", "a", "Common", "Adds a resource to a container, or attaches an item to another item"),
    ("Clear", "cl", "Common", "Removes all the resources from a container but does not delete the container"),
    ("Close", "cs", "Common", "Changes the state of a resource to make it inaccessible, unavailable, or unusable"),
    ("Copy", "cp", "Common", "Copies a resource to another name or to another container"),
    ("Enter", "et", "Common", "Specifies an action that allows the user to move into a resource"),
    ("Exit", "ex", "Common", "Sets the current environment or context to the most recently used context"),
    ("Find", "fd", "Common", "Looks for an object in a container that is unknown, implied, optional, or specified"),
    ("Format", "f", "Common", "Arranges objects in a specified form or layout"),
    ("Get", "g", "Common", "Specifies an action that retrieves a resource"),
    ("Hide", "h", "Common", "Makes a resource undetectable"),
    ("Join", "j", "Common", "Combines resources into one resource"),
    ("Lock", "lk", "Common", "Secures a resource"),
    ("Move", "m", "Common", "Moves a resource from one location to another"),
    ("New", "n", "Common", "Creates a resource"),
    ("Open", "op", "Common", "Changes the state of a resource to make it accessible, available, or usable"),
    ("Optimize", "om", "Common", "Increases the effectiveness of a resource"),
    ("Pop", "pop", "Common", "Removes an item from the top of a stack"),
    ("Push", "pu", "Common", "Adds an item to the top of a stack"),
    ("Redo", "re", "Common", "Resets a resource to the state that was undone"),
    ("Remove", "r", "Common", "Deletes a resource from a container"),
    ("Rename", "rn", "Common", "Changes the name of a resource"),
    ("Reset", "rs", "Common", "Sets a resource back to its original state"),
    ("Resize", "rz", "Common", "Changes the size of a resource"),
    ("Search", "sr", "Common", "Creates a reference to a resource in a container"),
    ("Select", "sc", "Common", "Locates a resource in a container"),
    ("Set", "s", "Common", "Replaces data on an existing resource or creates a resource that contains some data"),
    ("Show", "sh", "Common", "Makes a resource visible to the user"),
    ("Skip", "sk", "Common", "Bypasses one or more resources or points in a sequence"),
    ("Split", "sl", "Common", "Separates parts of a resource"),
    ("Step", "st", "Common", "Moves to the next point or resource in a sequence"),
    ("Switch", "sw", "Common", "Specifies an action that alternates between two resources, such as to change "
                               "between two locations, responsibilities, or states"),
    ("Undo", "un", "Common", "Sets a resource to its previous state"),
    ("Unlock", "uk", "Common", "Releases a resource that was locked"),
    ("Watch", "wc", "Common", "Continually inspects or monitors a resource for changes"),
    ("Connect", "cc", "Communications", "Creates a link between a source and a destination"),
    ("Disconnect", "dc", "Communications", "Breaks the link between a source and a destination"),
    ("Read", "rd", "Communications", "Acquires information from a source"),
    ("Receive", "rc", "Communications", "Accepts information sent from a source"),
    ("Send", "sd", "Communications", "Delivers information to a destination"),
    ("Write", "wr", "Communications", "Adds information to a target"),
    ("Backup", "ba", "Data", "Stores data by replicating it"),
    ("Checkpoint", "ch", "Data", "Creates a snapshot of the current state of the data or of its configuration"),
    ("Compare", "cr", "Data", "Evaluates the data from one resource against the data from another resource"),
    ("Compress", "cm", "Data", "Compacts the data of a resource"),
    ("Convert", "cv", "Data", "Changes the data from one representation to another when the cmdlet supports "
                              "bidirectional conversion or when the cmdlet supports conversion between multiple "
                              "data types"),
    ("ConvertFrom", "cf", "Data", "Converts one primary type of input (the cmdlet noun indicates the input) to one "
                                  "or more supported output types"),
    ("ConvertTo", "ct", "Data", "Converts from one or more types of input to a primary output type (the cmdlet "
                                "noun indicates the output type)"),
    ("Dismount", "dm", "Data", "Detaches a named entity from a location"),
    ("Edit", "ed", "Data", "Modifies existing data by adding or removing content"),
    ("Expand", "en", "Data", "Restores the data of a resource that has been compressed to its original state"),
    ("Export", "ep", "Data", "Encapsulates the primary input into a persistent data store, such as a file, or into "
                             "an interchange format"),
    ("Group", "gp", "Data", "Arranges or associates one or more resources"),
    ("Import", "ip", "Data", "Creates a resource from data that is stored in a persistent data store (such as a "
                             "file) or in an interchange format"),
    ("Initialize", "in", "Data", "Prepares a resource for use, and sets it to a default state"),
    ("Limit", "l", "Data", "Applies constraints to a resource"),
    ("Merge", "mg", "Data", "Creates a single resource from multiple resources"),
    ("Mount", "mt", "Data", "Attaches a named entity to a location"),
    ("Out", "o", "Data", "Sends data out of the environment"),
    ("Publish", "pb", "Data", "Makes a resource available to others"),
    ("Restore", "rr", "Data", "Sets a resource to a predefined state, such as a state set by Checkpoint"),
    ("Save", "sv", "Data", "Preserves data to avoid loss"),
    ("Sync", "sy", "Data", "Assures that two or more resources are in the same state"),
    ("Unpublish", "ub", "Data", "Makes a resource unavailable to others"),
    ("Update", "ud", "Data", "Brings a resource up-to-date to maintain its state, accuracy, conformance, or "
                             "compliance"),
    ("Debug", "db", "Diagnostic", "Examines a resource to diagnose operational problems"),
    ("Measure", "ms", "Diagnostic", "Identifies resources that are consumed by a specified operation, or retrieves "
                                    "statistics about a resource"),
    ("Ping", "pi", "Diagnostic", "Use the Test verb"),
    ("Repair", "rp", "Diagnostic", "Restores a resource to a usable condition"),
    ("Resolve", "rv", "Diagnostic", "Maps a shorthand representation of a resource to a more complete "
                                    "representation"),
    ("Test", "t", "Diagnostic", "Verifies the operation or consistency of a resource"),
    ("Trace", "tr", "Diagnostic", "Tracks the activities of a resource"),
    ("Approve", "ap", "Lifecycle", "Confirms or agrees to the status of a resource or process"),
    ("Assert", "as", "Lifecycle", "Affirms the state of a resource"),
    ("Build", "bd", "Lifecycle", "Creates an artifact (usually a binary or document) out of some set of input files "
                                 "(usually source code or declarative documents)"),
    ("Complete", "cmp", "Lifecycle", "Concludes an operation"),
    ("Confirm", "cn", "Lifecycle", "Acknowledges, verifies, or validates the state of a resource or process"),
    ("Deny", "dn", "Lifecycle", "Refuses, objects, blocks, or opposes the state of a resource or process"),
    ("Deploy", "dp", "Lifecycle", "Sends an application, website, or solution to a remote target[s] in such a way "
                                  "that a consumer of that solution can access it after deployment is complete"),
    ("Disable", "d", "Lifecycle", "Configures a resource to an unavailable or inactive state"),
    ("Enable", "e", "Lifecycle", "Configures a resource to an available or active state"),
    ("Install", "is", "Lifecycle", "Places a resource in a location, and optionally initializes it"),
    ("Invoke", "i", "Lifecycle", "Performs an action, such as running a command or a method"),
    ("Register", "rg", "Lifecycle", "Creates an entry for a resource in a repository such as a database"),
    ("Request", "rq", "Lifecycle", "Asks for a resource or asks for permissions"),
    ("Restart", "rt", "Lifecycle", "Stops an operation and then starts it again"),
    ("Resume", "ru", "Lifecycle", "Starts an operation that has been suspended"),
    ("Start", "sa", "Lifecycle", "Initiates an operation"),
    ("Stop", "sp", "Lifecycle", "Discontinues an activity"),
    ("Submit", "sb", "Lifecycle", "Presents a resource for approval"),
    ("Suspend", "ss", "Lifecycle", "Pauses an activity"),
    ("Uninstall", "us", "Lifecycle", "Removes a resource from an indicated location"),
    ("Unregister", "ur", "Lifecycle", "Removes the entry for a resource from a repository"),
    ("Wait", "w", "Lifecycle", "Pauses an operation until a specified event occurs"),
    ("Block", "bl", "Security", "Restricts access to a resource"),
    ("Grant", "gr", "Security", "Allows access to a resource"),
    ("Protect", "pt", "Security", "Safeguards a resource from attack or loss"),
    ("Revoke", "rk", "Security", "Specifies an action that does not allow access to a resource"),
    ("Unblock", "ul", "Security", "Removes restrictions to a resource"),
    ("Unprotect", "up", "Security", "Removes safeguards from a resource that were added to prevent it from attack "
                                    "or loss"),
    ("Use", "u", "Other", "Uses or includes a resource to do something"),
]

VERB_GROUPS = ("Common", "Communications", "Data", "Diagnostic", "Lifecycle", "Other", "Security")


class VerbInfo:
    """System.Management.Automation.VerbInfo: an approved verb."""

    __ps_typename__ = "System.Management.Automation.VerbInfo"
    __ps_properties__ = ("Verb", "AliasPrefix", "Group", "Description")
    __slots__ = ("AliasPrefix", "Description", "Group", "Verb")

    def __init__(self, verb: str, prefix: str, group: str, description: str) -> None:
        self.Verb = verb
        self.AliasPrefix = prefix
        self.Group = group
        self.Description = description

    def ToString(self) -> str:
        return self.Verb


@cmdlet("Get-Verb", module=UTIL)
class GetVerb(Cmdlet):
    """Gets approved PowerShell verbs.

    Lists the verbs approved for cmdlet and function names, with their alias prefix, group and
    description."""

    Verb = Parameter(list[str], position=0, from_pipeline=True, wildcards=True,
                     help="Only these verbs (wildcards allowed).")
    Group = Parameter(list[str], position=1, validate_set=VERB_GROUPS, help="Only verbs of these groups.")
    examples = [("Get-Verb", "All approved verbs."), ("Get-Verb -Group Security", "The security verbs."),
                ("Get-Verb Con*", "Verbs starting with Con.")]

    def process(self) -> None:
        pats = [compile_wildcard(v) for v in self.Verb] if self.Verb else None
        groups = {g.lower() for g in self.Group} if self.Group else None
        for verb, prefix, group, desc in sorted(_VERBS, key=lambda v: v[0].lower()):
            if pats is not None and not any(p(verb) for p in pats):
                continue
            if groups is not None and group.lower() not in groups:
                continue
            self.write(VerbInfo(verb, prefix, group, desc))


# ============================================================================= Join-String

@cmdlet("Join-String", module=UTIL, default_set="Default")
class JoinString(Cmdlet):
    """Combines objects from the pipeline into a single string.

    Joins the input objects (or a property of each) with a separator, optionally quoting each
    value, formatting it with -FormatString, and adding a prefix and suffix."""

    Property = Parameter(object, position=0, help="The property (or script block) whose value is joined.")
    Separator = Parameter(str, position=1, sets={"Default": {}, "SingleQuote": {}, "DoubleQuote": {},
                                                  "Format": {}},
                          help="The text between the values (default: none).")
    OutputPrefix = Parameter(str, aliases=("op",), help="Text put before the result.")
    OutputSuffix = Parameter(str, aliases=("os",), help="Text put after the result.")
    SingleQuote = Parameter(Switch, set="SingleQuote", help="Wrap each value in single quotes.")
    DoubleQuote = Parameter(Switch, set="DoubleQuote", help="Wrap each value in double quotes.")
    FormatString = Parameter(str, set="Format", help="A composite format string applied to each value ({0}).")
    UseCulture = Parameter(Switch, help="Use the culture's list separator (a comma) as the separator.")
    InputObject = Parameter(object, from_pipeline=True, help="The objects to join.")
    examples = [("1..3 | Join-String -Separator ', '", "Returns '1, 2, 3'."),
                ("Get-MsolUser | Join-String -Property UserPrincipalName -Separator ';'", "UPNs separated by ;."),
                ("'a','b' | Join-String -SingleQuote -Separator ','", "Returns 'a','b'.")]

    def begin(self) -> None:
        self._parts: list[str] = []
        self._expr: PropExpr | None = None
        if self.Property is not None:
            self._expr = parse_properties(self, [self.Property], ())[0]

    def process(self) -> None:
        if not has_item(self):
            return
        item = self.InputObject
        if item is None:
            return
        value: Any = item
        if self._expr is not None:
            res = self._expr.values(item)
            value = res[0][0] if res else None
        if self.FormatString is not None:
            from o365shell.engine.netlib.composite import format_composite
            try:
                text = format_composite(self.FormatString, [value], to_string)
            except DotNetException as e:
                raise self.error(e.Message, "FormatException", ErrorCategory.InvalidArgument, self.FormatString) \
                    from None
        else:
            text = to_string(value)
        if self.SingleQuote:
            text = "'" + text.replace("'", "''") + "'"
        elif self.DoubleQuote:
            text = '"' + text.replace('"', '`"') + '"'
        self._parts.append(text)

    def end(self) -> None:
        sep = self.Separator
        if sep is None:
            sep = "," if self.UseCulture else ""
        self.write((self.OutputPrefix or "") + sep.join(self._parts) + (self.OutputSuffix or ""))


# ============================================================================= Select-String

class MatchInfo:
    """Microsoft.PowerShell.Commands.MatchInfo: one matching line found by Select-String."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.MatchInfo"
    __ps_properties__ = ("IgnoreCase", "LineNumber", "Line", "Filename", "Path", "Pattern", "Context", "Matches")
    __slots__ = ("Context", "IgnoreCase", "Line", "LineNumber", "Matches", "Path", "Pattern", "_relative")

    def __init__(self, line: str, number: int, path: str, pattern: str, ignore_case: bool, matches: list,
                 relative: str | None) -> None:
        self.IgnoreCase = ignore_case
        self.LineNumber = number
        self.Line = line
        self.Path = path
        self.Pattern = pattern
        self.Context = None
        self.Matches = matches
        self._relative = relative

    @property
    def Filename(self) -> str:
        return "InputStream" if self.Path == "InputStream" else os.path.basename(self.Path)

    def ToString(self, directory: Any = None) -> str:
        if self.Context is None:
            return self._text(self.LineNumber, self.Line)
        ctx = self.Context
        first = self.LineNumber - len(ctx.DisplayPreContext)
        lines = [f"  {self._text(first + i, t)}" for i, t in enumerate(ctx.DisplayPreContext)]
        lines.append(f"> {self._text(self.LineNumber, self.Line)}")
        lines += [f"  {self._text(self.LineNumber + 1 + i, t)}" for i, t in enumerate(ctx.DisplayPostContext)]
        return "\n".join(lines)

    def _text(self, number: int, line: str) -> str:
        if self.Path == "InputStream":
            return line
        shown = self._relative if self._relative is not None else self.Path
        return f"{shown}:{number}:{line}"

    def RelativePath(self, directory: str) -> str:
        try:
            return os.path.relpath(self.Path, directory)
        except ValueError:
            return self.Path


class MatchInfoContext:
    """Microsoft.PowerShell.Commands.MatchInfoContext: the lines around a match (Select-String -Context);
    the Display* lists leave out lines already shown with a neighbouring match."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.MatchInfoContext"
    __ps_properties__ = ("PreContext", "PostContext", "DisplayPreContext", "DisplayPostContext")
    __slots__ = ("DisplayPostContext", "DisplayPreContext", "PostContext", "PreContext")

    def __init__(self, pre: list[str], display_pre: list[str]) -> None:
        self.PreContext = pre
        self.PostContext: list[str] = []
        self.DisplayPreContext = display_pre
        self.DisplayPostContext: list[str] = []


class ContextWindow:
    """Select-String -Context over one source: keeps the last N lines for the next match and holds
    each match back until its M following lines are known."""

    def __init__(self, before: int, after: int, emit: Any) -> None:
        from collections import deque
        self.after = after
        self.emit = emit
        self.recent: Any = deque(maxlen=before or None) if before else None
        self.pending: list[list] = []   # [MatchInfo, lines still wanted, still collecting display lines]
        self.shown_through = 0          # the last line number already displayed

    def line(self, number: int, text: str, match: "MatchInfo | None") -> None:
        for entry in self.pending:
            info, _want, showing = entry
            info.Context.PostContext.append(text)
            if showing and match is None:
                info.Context.DisplayPostContext.append(text)
            else:
                entry[2] = False
            entry[1] -= 1
        while self.pending and self.pending[0][1] <= 0:
            self.emit(self.pending.pop(0)[0])
        if match is not None:
            pre = list(self.recent) if self.recent is not None else []
            first = number - len(pre)
            display = [t for i, t in enumerate(pre) if first + i > self.shown_through]
            match.Context = MatchInfoContext(pre, display)
            if self.after:
                self.pending.append([match, self.after, True])
            else:
                self.emit(match)
            self.shown_through = number + self.after
        if self.recent is not None:
            self.recent.append(text)

    def close(self) -> None:
        for info, _want, _showing in self.pending:
            self.emit(info)
        self.pending = []


def _register_matchinfo_view() -> None:
    try:
        from o365shell.format.views import find_view, register_custom_view
    except ImportError:  # pragma: no cover - the formatter is part of the install
        return

    class _Probe:
        __ps_typename__ = MatchInfo.__ps_typename__

    if find_view(_Probe(), "custom") is None:
        register_custom_view(MatchInfo.__ps_typename__, lambda o, width: [o.ToString()], out_of_band=False)


_register_matchinfo_view()


@cmdlet("Select-String", module=UTIL, default_set="File")
class SelectString(Cmdlet):
    """Finds text in strings and files.

    Searches each input string, or each line of the files in -Path, for the -Pattern regular
    expressions (or plain text with -SimpleMatch) and outputs a MatchInfo for each matching
    line; on screen a match shows as the line (file:line:text for files)."""

    Pattern = Parameter(list[str], mandatory=True, position=0, help="The text or regular expressions to find.")
    Path = Parameter(list[str], mandatory=True, position=1, by_property_name=True, set="File", wildcards=True,
                     help="The files to search (wildcards allowed).")
    LiteralPath = Parameter(list[str], mandatory=True, by_property_name=True, set="LiteralFile",
                            aliases=("PSPath", "LP"), help="The files to search (no wildcards).")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, set="Object", allow_null=True,
                            allow_empty=True, help="The text to search.")
    SimpleMatch = Parameter(Switch, help="Match plain text, not regular expressions.")
    CaseSensitive = Parameter(Switch, help="Match case-sensitively.")
    NotMatch = Parameter(Switch, help="Find the lines that do not match.")
    AllMatches = Parameter(Switch, help="Find every match in each line (see the Matches property).")
    Quiet = Parameter(Switch, help="Return $true if any line matches, else $false (or $null with -List).")
    List = Parameter(Switch, help="Only the first match in each file.")
    Raw = Parameter(Switch, help="Output the matching strings rather than MatchInfo objects.")
    Encoding = Parameter(object, help="The encoding of the files (default utf8).")
    Include = Parameter(list[str], help="Only files whose names match these patterns.")
    Exclude = Parameter(list[str], help="Skip files whose names match these patterns.")
    NoEmphasis = Parameter(Switch, help="Do not highlight the matches.")
    Context = Parameter(list[int], validate_count=(1, 2), validate_range=(0, 2_147_483_647),
                        help="Lines before and after each match to capture (one number: both).")
    examples = [("Get-Content audit.log | Select-String -Pattern 'denied'", "Lines that contain 'denied'."),
                ("Select-String -Path *.ps1 -Pattern 'Connect-MsolService' -SimpleMatch",
                 "Scripts that connect to MSOnline.")]

    def begin(self) -> None:
        # the Object set is used whenever objects are piped in (the engine does not report pipeline input
        # from an expression source, so this is decided per object)
        self._found = False
        self._done = False
        self._input_no = 0
        ctx = [int(n) for n in self.Context or []]
        self._around = (ctx[0], ctx[-1]) if ctx and any(ctx) and not (self.Quiet or self.List or self.Raw) else None
        self._window = self._new_window()
        import re as _re

        from o365shell.engine.netlib.regex import compile as rx_compile
        ic = not self.CaseSensitive
        self._regexes = []
        for p in self.Pattern or []:
            try:
                if self.SimpleMatch:
                    self._regexes.append(_re.compile(_re.escape(p), _re.IGNORECASE if ic else 0))
                else:
                    self._regexes.append(rx_compile(p, ignore_case=ic))
            except Exception as e:  # noqa: BLE001 - a bad pattern is a terminating argument error
                msg = getattr(e, "Message", None) or str(e)
                raise self.error(f"The string {p} is not a valid regular expression: {msg}", "InvalidRegex",
                                 ErrorCategory.InvalidArgument, p) from None

    def _new_window(self) -> ContextWindow | None:
        return ContextWindow(self._around[0], self._around[1], self.write) if self._around else None

    def _match_line(self, line: str, number: int, path: str, relative: str | None,
                    window: ContextWindow | None = None) -> bool:
        from o365shell.engine.regexobj import Match
        matches: list = []
        pattern = ""
        for rxp, pat in zip(self._regexes, self.Pattern or []):
            if self.AllMatches and not self.NotMatch:
                found = [Match(rxp, m, line) for m in rxp.finditer(line)]
            else:
                m = rxp.search(line)
                found = [Match(rxp, m, line)] if m is not None else []
            if found:
                matches = found
                pattern = pat
                break
        hit = bool(matches) != bool(self.NotMatch)
        if not hit:
            if window is not None:
                window.line(number, line, None)
            return False
        self._found = True
        if self.Quiet:
            return True
        if self.NotMatch:
            matches = []
            pattern = (self.Pattern or [""])[0]
        if self.Raw:
            self.write(line)
            return True
        info = MatchInfo(line, number, path, pattern, not self.CaseSensitive, matches, relative)
        if window is not None:
            window.line(number, line, info)
        else:
            self.write(info)
        return True

    def process(self) -> None:
        if self._done:
            return
        if self.is_bound("Path") or self.is_bound("LiteralPath"):
            self._files()
            if not has_item(self):
                self._done = True
            return
        if self.Path is not None or self.LiteralPath is not None:
            self._files()
            return
        if not has_item(self):
            return
        item = self.InputObject
        if item is None:
            return
        from o365shell.engine.objects import get_value
        full = get_value(item, "FullName") if type(item).__name__ == "FileInfo" else None
        if full:
            self._search_file(str(full))
            return
        self._input_no += 1
        self._match_line(to_string(item), self._input_no, "InputStream", None, self._window)

    def _files(self) -> None:
        from .fsprovider import PathError, expand
        specs = self.Path if self.Path is not None else self.LiteralPath
        literal = self.Path is None
        for spec in specs or []:
            try:
                paths = expand(self.ctx, spec, literal=literal)
            except PathError as e:
                self.write_error(self.make_record(e.message, e.error_id, e.category, e.target))
                continue
            for p in paths:
                name = os.path.basename(p)
                if self.Include and not any(compile_wildcard(x)(name) for x in self.Include):
                    continue
                if self.Exclude and any(compile_wildcard(x)(name) for x in self.Exclude):
                    continue
                if os.path.isdir(p):
                    if not has_wildcard(spec):
                        self.write_error(self.make_record(
                            f"The file {p} cannot be read: Access to the path '{p}' is denied.", "ProcessingFile",
                            ErrorCategory.PermissionDenied, p))
                    continue
                self._search_file(p)

    def _search_file(self, path: str) -> None:
        try:
            text = read_text(path)
        except OSError as e:
            self.write_error(self.make_record(
                ItemNotFoundException(f"Cannot find path '{path}' because it does not exist.") if
                isinstance(e, FileNotFoundError) else f"The file {path} cannot be read: {e.strerror}",
                "PathNotFound" if isinstance(e, FileNotFoundError) else "ProcessingFile",
                ErrorCategory.ObjectNotFound if isinstance(e, FileNotFoundError) else ErrorCategory.ReadError, path))
            return
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        rel = os.path.relpath(path, self.ctx.location) if path.startswith(self.ctx.location.rstrip("/") + "/") \
            else path
        window = self._new_window()
        for i, line in enumerate(lines, 1):
            line = line.removesuffix("\r")
            if self._match_line(line, i, path, rel, window) and (self.List or self.Quiet):
                break
        if window is not None:
            window.close()

    def end(self) -> None:
        if self._window is not None:
            self._window.close()
        if self.Quiet:
            self.write(True if self._found else (None if self.List else False))

