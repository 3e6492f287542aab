"""o365shell: a PowerShell-like shell for rehearsing Office 365 MFA and organization admin commands."""

__version__ = "0.1.0"
