"""The .NET collections PowerShell scripts use: Hashtable, OrderedDictionary, ArrayList,
List[T], Dictionary[K,V], HashSet[T], typed arrays, and DictionaryEntry.

A plain Python ``list`` is PowerShell's ``object[]``; the classes here are the other
collection types. Keys of Hashtable and OrderedDictionary are case-insensitive for
strings, as PowerShell creates them.
"""
from __future__ import annotations

from typing import Any, Callable, Iterator

from .netlib.exceptions import (ArgumentException, ArgumentOutOfRangeException,
                                InvalidOperationException, KeyNotFoundException, NotSupportedException)


class AutomationNullType:
    """The 'no output at all' value (a void method, an assignment statement): distinct from $null."""

    __slots__ = ()
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "AutomationNull"


AutomationNull = AutomationNullType()


def _norm(key: Any) -> Any:
    return key.lower() if isinstance(key, str) else key


class DictionaryEntry:
    """System.Collections.DictionaryEntry: what enumerating a hashtable yields."""

    __ps_typename__ = "System.Collections.DictionaryEntry"
    __ps_properties__ = ("Name", "Key", "Value")
    __slots__ = ("Key", "Value")

    def __init__(self, key: Any, value: Any) -> None:
        self.Key = key
        self.Value = value

    @property
    def Name(self) -> Any:
        return self.Key

    def ToString(self) -> str:
        return "System.Collections.DictionaryEntry"


class Hashtable:
    """System.Collections.Hashtable with PowerShell's case-insensitive string keys."""

    __ps_typename__ = "System.Collections.Hashtable"
    __ps_properties__ = ("IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count")
    __slots__ = ("_vals", "_keys", "_ps_extra")

    def __init__(self, items: Any = None) -> None:
        self._vals: dict[Any, Any] = {}
        self._keys: dict[Any, Any] = {}
        if items:
            src = items.items() if hasattr(items, "items") else items
            for k, v in src:
                self[k] = v

    # -- Python mapping protocol
    def __getitem__(self, key: Any) -> Any:
        return self._vals.get(_norm(key))

    def __setitem__(self, key: Any, value: Any) -> None:
        if key is None:
            raise ArgumentNullKey()
        nk = _norm(key)
        if nk not in self._keys:
            self._keys[nk] = key
        self._vals[nk] = value

    def __delitem__(self, key: Any) -> None:
        nk = _norm(key)
        self._vals.pop(nk, None)
        self._keys.pop(nk, None)

    def __contains__(self, key: Any) -> bool:
        return _norm(key) in self._vals

    def __len__(self) -> int:
        return len(self._vals)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._keys.values())

    def keys(self) -> list[Any]:
        return list(self._keys.values())

    def values(self) -> list[Any]:
        return list(self._vals.values())

    def items(self) -> Iterator[tuple[Any, Any]]:
        vals = self._vals
        for nk, k in self._keys.items():
            yield k, vals[nk]

    def get(self, key: Any, default: Any = None) -> Any:
        return self._vals.get(_norm(key), default)

    def has(self, key: Any) -> bool:
        return _norm(key) in self._vals

    # -- .NET members
    @property
    def Count(self) -> int:
        return len(self._vals)

    @property
    def Keys(self) -> list[Any]:
        return KeyCollection(self._keys.values())

    @property
    def Values(self) -> list[Any]:
        return KeyCollection(self._vals.values())

    @property
    def IsReadOnly(self) -> bool:
        return False

    @property
    def IsFixedSize(self) -> bool:
        return False

    @property
    def IsSynchronized(self) -> bool:
        return False

    @property
    def SyncRoot(self) -> Any:
        return self

    def Add(self, key: Any, value: Any) -> None:
        if key is None:
            raise ArgumentNullKey()
        nk = _norm(key)
        if nk in self._vals:
            raise ArgumentException(
                f"Item has already been added. Key in dictionary: '{self._keys[nk]}'  Key being added: '{key}'")
        self[key] = value

    def Remove(self, key: Any) -> None:
        del self[key]

    def ContainsKey(self, key: Any) -> bool:
        return _norm(key) in self._vals

    def Contains(self, key: Any) -> bool:
        return _norm(key) in self._vals

    def ContainsValue(self, value: Any) -> bool:
        return any(v == value for v in self._vals.values())

    def Clear(self) -> None:
        self._vals.clear()
        self._keys.clear()

    def Clone(self) -> "Hashtable":
        c = type(self)()
        c._vals = dict(self._vals)
        c._keys = dict(self._keys)
        return c

    def GetEnumerator(self) -> list[DictionaryEntry]:
        return [DictionaryEntry(k, v) for k, v in self.items()]

    def get_Item(self, key: Any) -> Any:
        return self[key]

    def set_Item(self, key: Any, value: Any) -> None:
        self[key] = value

    def ToString(self) -> str:
        return self.__ps_typename__


def ArgumentNullKey() -> Exception:
    from .netlib.exceptions import ArgumentNullException
    return ArgumentNullException("Key cannot be null. (Parameter 'key')")


class OrderedDictionary(Hashtable):
    """System.Collections.Specialized.OrderedDictionary ([ordered]@{}): insertion order, int index by position."""

    __ps_typename__ = "System.Collections.Specialized.OrderedDictionary"
    __ps_properties__ = ("Count", "IsReadOnly", "Keys", "Values", "IsFixedSize", "SyncRoot", "IsSynchronized")
    __slots__ = ()

    def value_at(self, index: int) -> Any:
        vals = list(self._vals.values())
        if not -len(vals) <= index < len(vals):
            raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the "
                                              "size of the collection. (Parameter 'index')")
        return vals[index]

    def Insert(self, index: int, key: Any, value: Any) -> None:
        items = list(self.items())
        if _norm(key) in self._vals:
            raise ArgumentException("An item with the same key has already been added.")
        items.insert(index, (key, value))
        self.Clear()
        for k, v in items:
            self[k] = v

    def RemoveAt(self, index: int) -> None:
        k = list(self._keys.values())[index]
        del self[k]

    def AsReadOnly(self) -> "OrderedDictionary":
        return self


class CaseSensitiveDictionary(Hashtable):
    """System.Collections.Generic.Dictionary[K,V]: ordinal (case-sensitive) keys, typed values."""

    __ps_typename__ = "System.Collections.Generic.Dictionary"
    __ps_properties__ = ("Comparer", "Count", "Keys", "Values")
    __slots__ = ("key_convert", "value_convert", "type_args")

    def __init__(self, items: Any = None, key_convert: Callable | None = None,
                 value_convert: Callable | None = None, type_args: tuple[str, str] = ("Object", "Object")) -> None:
        self.key_convert = key_convert
        self.value_convert = value_convert
        self.type_args = type_args
        super().__init__(items)

    def __getitem__(self, key: Any) -> Any:
        if key not in self._vals:
            raise KeyNotFoundException(f"The given key '{key}' was not present in the dictionary.")
        return self._vals[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        if self.key_convert:
            key = self.key_convert(key)
        if self.value_convert:
            value = self.value_convert(value)
        self._keys[key] = key
        self._vals[key] = value

    def __delitem__(self, key: Any) -> None:
        self._vals.pop(key, None)
        self._keys.pop(key, None)

    def __contains__(self, key: Any) -> bool:
        return key in self._vals

    def get(self, key: Any, default: Any = None) -> Any:
        return self._vals.get(key, default)

    def has(self, key: Any) -> bool:
        return key in self._vals

    def Add(self, key: Any, value: Any) -> None:
        if key in self._vals:
            raise ArgumentException(f"An item with the same key has already been added. Key: {key}")
        self[key] = value

    def ContainsKey(self, key: Any) -> bool:
        return key in self._vals

    def TryGetValue(self, key: Any, ref: Any = None) -> bool:
        return key in self._vals

    def Remove(self, key: Any) -> bool:
        present = key in self._vals
        del self[key]
        return present


class KeyCollection(list):
    """The Keys / Values collection of a dictionary (enumerable, read-only in spirit)."""

    __ps_typename__ = "System.Collections.Hashtable+KeyCollection"
    __slots__ = ()


class ArrayList(list):
    """System.Collections.ArrayList: growable, Add returns the new index."""

    __ps_typename__ = "System.Collections.ArrayList"
    __slots__ = ()

    def Add(self, value: Any) -> int:
        self.append(value)
        return len(self) - 1

    def AddRange(self, values: Any) -> None:
        from .objects import enumerate_values
        self.extend(enumerate_values(values))

    def Insert(self, index: int, value: Any) -> None:
        self.insert(index, value)

    def Remove(self, value: Any) -> None:
        for i, v in enumerate(self):
            if v == value:
                del self[i]
                return

    def RemoveAt(self, index: int) -> None:
        if not 0 <= index < len(self):
            raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the "
                                              "size of the collection. (Parameter 'index')")
        del self[index]

    def RemoveRange(self, index: int, count: int) -> None:
        del self[index:index + count]

    def Clear(self) -> None:
        self.clear()

    def Contains(self, value: Any) -> bool:
        return value in self

    def IndexOf(self, value: Any, start: int = 0) -> int:
        try:
            return self.index(value, start)
        except ValueError:
            return -1

    def Reverse(self) -> None:
        self.reverse()

    def Sort(self) -> None:
        from .comparison import sort_key
        self.sort(key=sort_key)

    def ToArray(self, *type_arg: Any) -> list:
        return list(self)

    def GetRange(self, index: int, count: int) -> "ArrayList":
        return type(self)(self[index:index + count])

    def Clone(self) -> "ArrayList":
        return type(self)(self)

    @property
    def Count(self) -> int:
        return len(self)

    @property
    def Capacity(self) -> int:
        return max(4, len(self))

    @property
    def IsFixedSize(self) -> bool:
        return False

    @property
    def IsReadOnly(self) -> bool:
        return False


class GenericList(ArrayList):
    """System.Collections.Generic.List[T]: Add converts to T and returns nothing."""

    __ps_typename__ = "System.Collections.Generic.List"
    __slots__ = ("convert", "type_arg")

    def __init__(self, items: Any = (), convert: Callable | None = None, type_arg: str = "Object") -> None:
        self.convert = convert
        self.type_arg = type_arg
        super().__init__(convert(x) for x in items) if convert else super().__init__(items)

    def Add(self, value: Any) -> Any:  # type: ignore[override]
        self.append(self.convert(value) if self.convert else value)
        return AutomationNull

    def AddRange(self, values: Any) -> Any:
        from .objects import enumerate_values
        for v in enumerate_values(values):
            self.Add(v)
        return AutomationNull

    def Insert(self, index: int, value: Any) -> None:
        self.insert(index, self.convert(value) if self.convert else value)

    def Remove(self, value: Any) -> bool:  # type: ignore[override]
        for i, v in enumerate(self):
            if v == value:
                del self[i]
                return True
        return False

    def Find(self, predicate: Any) -> Any:
        for v in self:
            if predicate.invoke_predicate(v):
                return v
        return None

    def FindAll(self, predicate: Any) -> "GenericList":
        return GenericList([v for v in self if predicate.invoke_predicate(v)], self.convert, self.type_arg)

    def Exists(self, predicate: Any) -> bool:
        return any(predicate.invoke_predicate(v) for v in self)

    def GetRange(self, index: int, count: int) -> "GenericList":
        return GenericList(self[index:index + count], self.convert, self.type_arg)

    def Clone(self) -> "GenericList":
        return GenericList(self, self.convert, self.type_arg)


class HashSet(list):
    """System.Collections.Generic.HashSet[T] (kept as an ordered list of unique items)."""

    __ps_typename__ = "System.Collections.Generic.HashSet"
    __slots__ = ("convert", "type_arg", "_seen")

    def __init__(self, items: Any = (), convert: Callable | None = None, type_arg: str = "Object") -> None:
        super().__init__()
        self.convert = convert
        self.type_arg = type_arg
        self._seen: set = set()
        for x in items:
            self.Add(x)

    def _key(self, v: Any) -> Any:
        return v

    def Add(self, value: Any) -> bool:
        if self.convert:
            value = self.convert(value)
        k = self._key(value)
        if k in self._seen:
            return False
        self._seen.add(k)
        self.append(value)
        return True

    def Contains(self, value: Any) -> bool:
        return self._key(value) in self._seen

    def Remove(self, value: Any) -> bool:
        k = self._key(value)
        if k not in self._seen:
            return False
        self._seen.discard(k)
        for i, v in enumerate(self):
            if self._key(v) == k:
                del self[i]
                break
        return True

    def Clear(self) -> None:
        self.clear()
        self._seen.clear()

    @property
    def Count(self) -> int:
        return len(self)


class TypedArray(list):
    """A typed .NET array such as ``[int[]]`` / ``[string[]]``: fixed size, elements converted."""

    __slots__ = ("element_type",)

    def __init__(self, items: Any = (), element_type: Any = None) -> None:
        super().__init__(items)
        self.element_type = element_type


class ReadOnlyCollection(list):
    """A collection returned by cmdlets / methods that scripts enumerate but do not grow."""

    __ps_typename__ = "System.Collections.ObjectModel.Collection"
    __slots__ = ()


class Queue(list):
    """System.Collections.Queue / Generic.Queue[T]."""

    __ps_typename__ = "System.Collections.Queue"
    __slots__ = ()

    def Enqueue(self, v: Any) -> None:
        self.append(v)

    def Dequeue(self) -> Any:
        if not self:
            raise InvalidOperationException("Queue empty.")
        return self.pop(0)

    def Peek(self) -> Any:
        if not self:
            raise InvalidOperationException("Queue empty.")
        return self[0]

    @property
    def Count(self) -> int:
        return len(self)


class Stack(list):
    """System.Collections.Stack / Generic.Stack[T]."""

    __ps_typename__ = "System.Collections.Stack"
    __slots__ = ()

    def Push(self, v: Any) -> None:
        self.append(v)

    def Pop(self) -> Any:
        if not self:
            raise InvalidOperationException("Stack empty.")
        return self.pop()

    def Peek(self) -> Any:
        if not self:
            raise InvalidOperationException("Stack empty.")
        return self[-1]

    @property
    def Count(self) -> int:
        return len(self)


def fixed_size_error() -> Exception:
    return NotSupportedException("Collection was of a fixed size.")


class LoopEnumerator:
    """``$foreach`` and ``$switch``: the enumerator a foreach loop or a switch statement walks.

    The loop takes its items from it, so ``$foreach.MoveNext()`` in the body skips to the next
    item and ``$foreach.Current`` reads it (the way scripts consume "key value" pairs)."""

    __ps_typename__ = "System.Collections.IEnumerator"
    __ps_properties__ = ("Current",)
    __slots__ = ("_current", "_it", "_items")

    def __init__(self, items: Any) -> None:
        self._items = items
        self._it = iter(items)
        self._current: Any = None

    def __iter__(self) -> "LoopEnumerator":
        return self

    def __next__(self) -> Any:
        self._current = next(self._it)
        return self._current

    def MoveNext(self) -> bool:
        try:
            self._current = next(self._it)
        except StopIteration:
            self._current = None
            return False
        return True

    @property
    def Current(self) -> Any:
        return self._current

    def Reset(self) -> None:
        self._it = iter(self._items)
        self._current = None

    def ToString(self) -> str:
        return self.__ps_typename__
