"""Helpers for the format tests: objects built with the engine's PSCustomObject."""
from o365shell.engine.objects import PSCustomObject


def obj(pairs=None, typename=None, **kw):
    """A PSCustomObject from a dict (order kept) or keyword arguments."""
    items = dict(pairs or {})
    items.update(kw)
    return PSCustomObject(items, [typename] if typename else None)
