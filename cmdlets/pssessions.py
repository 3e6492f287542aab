"""Microsoft.PowerShell.Core remoting sessions: Get-PSSession and Remove-PSSession.

o365shell opens no remote PowerShell sessions: Exchange Online is reached through the REST
module (Connect-ExchangeOnline, as EXO V3 does), which creates no PSSession. Scripts written
for the remote-PowerShell era still ask ``Get-PSSession`` whether a connection is open, or
tidy up with ``Get-PSSession | Remove-PSSession``: here the session list is always empty, a
session asked for by name or id is not available (pwsh's error), and removing nothing does
nothing.
"""
from __future__ import annotations

from o365shell.engine.cmdlet import Cmdlet, Parameter, cmdlet
from o365shell.engine.errors import ErrorCategory, PSArgumentException

CORE = "Microsoft.PowerShell.Core"
CORE_VERSION = "7.4.0"


class _SessionLookup(Cmdlet):
    """Shared lookups: a named or numbered session is never available."""

    def missing(self, cmd: str) -> None:
        for name in self.Name or []:
            self.write_error(f"The remote session with the name {name} is not available.",
                             f"RemoteRunspaceNotAvailableForSpecifiedName,Microsoft.PowerShell.Commands.{cmd}",
                             ErrorCategory.InvalidArgument, name, PSArgumentException)
        for sid in self.Id or []:
            self.write_error(f"The remote session with the session ID {sid} is not available.",
                             f"RemoteRunspaceNotAvailableForSpecifiedSessionId,Microsoft.PowerShell.Commands.{cmd}",
                             ErrorCategory.InvalidArgument, sid, PSArgumentException)


@cmdlet("Get-PSSession", module=CORE, version=CORE_VERSION, aliases=("gsn",), default_set="Name")
class GetPSSession(_SessionLookup):
    """Gets the PowerShell sessions on local and remote computers.

    o365shell has no remote sessions (Exchange Online uses the REST module, which opens none),
    so the list is empty; a session asked for by -Name or -Id is not available."""

    Name = Parameter(list[str], set="Name", help="Sessions with these friendly names.")
    Id = Parameter(list[int], position=0, set="Id", help="Sessions with these ids.")
    ComputerName = Parameter(list[str], set="ComputerName", aliases=("Cn",),
                             help="Sessions connected to these computers.")
    InstanceId = Parameter(list[str], set="InstanceId", help="Sessions with these instance ids.")
    State = Parameter(str, validate_set=("All", "Opened", "Disconnected", "Closed", "Broken"),
                      help="Sessions in this state.")
    ConfigurationName = Parameter(str, help="Sessions that use this session configuration.")
    examples = [("Get-PSSession | Where-Object State -eq 'Opened' | Measure-Object",
                 "Counts the open remote sessions (none in o365shell)."),
                ("Get-PSSession | Remove-PSSession", "Closes every remote session.")]

    def end(self) -> None:
        self.missing("GetPSSessionCommand")


@cmdlet("Remove-PSSession", module=CORE, version=CORE_VERSION, aliases=("rsn",), default_set="Id")
class RemovePSSession(_SessionLookup):
    """Closes one or more PowerShell sessions (PSSessions).

    With no sessions open in o365shell, piping Get-PSSession to it does nothing; a session
    named by -Name or -Id is not available."""

    Session = Parameter(list[object], mandatory=True, position=0, from_pipeline=True, set="Session",
                        help="The sessions to close.")
    Id = Parameter(list[int], mandatory=True, position=0, set="Id", help="The ids of the sessions to close.")
    Name = Parameter(list[str], mandatory=True, set="Name", help="The names of the sessions to close.")
    ComputerName = Parameter(list[str], mandatory=True, set="ComputerName", aliases=("Cn",),
                             help="Close the sessions connected to these computers.")
    InstanceId = Parameter(list[str], mandatory=True, set="InstanceId",
                           help="Close the sessions with these instance ids.")
    examples = [("Get-PSSession | Remove-PSSession", "Closes every remote session (none in o365shell).")]

    def end(self) -> None:
        self.missing("RemovePSSessionCommand")
