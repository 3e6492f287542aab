"""The small slice of the .NET base class library that PowerShell scripts lean on.

Conventions shared by every module here and by the engine:

* Values: a plain Python ``int`` is a System.Int32 (the engine keeps it in range),
  ``numbers.Int64`` and the other ``int`` subclasses in ``numbers`` are the other
  integer types, ``float`` is System.Double, ``decimal.Decimal`` is System.Decimal,
  ``bool`` is System.Boolean, ``str`` is System.String and ``numbers.Char`` a
  System.Char, ``None`` is $null.
* A class that stands for a .NET type names it in ``__ps_typename__`` (full name)
  and exposes its .NET members as Python attributes spelled exactly as in .NET
  (PascalCase): properties as ``@property``, methods as methods taking the .NET
  overloads as positional arguments. The engine finds them case-insensitively.
  Static members are ``@staticmethod``/class attributes.
* Enums are ``enum.IntEnum`` / ``enum.IntFlag`` subclasses with ``__ps_typename__``.
* Errors are the exception classes of ``exceptions``; their ``Message`` is the
  .NET message text.
"""
