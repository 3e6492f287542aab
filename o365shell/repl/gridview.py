"""Out-GridView in the terminal: a full-screen prompt_toolkit grid over the piped objects.

The columns are the objects' table view (or default display set, else all properties).
Keys (shown on the status line):

* typing filters (every word must appear in some column, case-insensitively); Tab moves
  between the filter box and the grid;
* Up/Down/PageUp/PageDown/Home/End move the row cursor; Left/Right pick a column, F3 or
  Ctrl+S sorts by it (again: descending); clicking a header sorts, clicking a row moves there;
* Space marks/unmarks a row (``-OutputMode Multiple`` / ``-PassThru``), Ctrl+A marks every
  shown row; Enter is OK: the marked rows (or the row at the cursor) are returned;
* Escape is Cancel (nothing returned); Ctrl+C cancels and stops the pipeline.
"""
from __future__ import annotations

from typing import Any, Callable

from prompt_toolkit.application import Application
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.data_structures import Point
from prompt_toolkit.filters import Condition, has_focus
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import HSplit, Layout, VSplit, Window
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.mouse_events import MouseEvent, MouseEventType
from prompt_toolkit.styles import Style
from prompt_toolkit.utils import get_cwidth

__all__ = ["GridModel", "GridView", "run_grid"]

_STYLE = Style.from_dict({
    "title": "reverse bold",
    "filter.label": "bold",
    "filter": "underline",
    "header": "ansigreen bold",
    "header.current": "ansigreen bold underline",
    "row.cursor": "reverse",
    "row.marked": "ansicyan bold",
    "status": "reverse",
})
_MAX_MEASURED = 500
_MAX_COLUMN = 40


def _columns(first: Any) -> list[tuple[str, Callable[[Any], Any]]]:
    from o365shell.format.values import is_scalar
    from o365shell.format.views import default_fields, find_view
    if first is None or is_scalar(first):
        return [("Value", lambda o: o)]
    view = find_view(first, "table")
    fields = list(view.columns) if view is not None and getattr(view, "columns", None) else default_fields(first)
    if not fields:
        return [("Value", lambda o: o)]
    return [(f.label or (f.name or ""), f.getter) for f in fields]


def _cell(value: Any) -> str:
    from o365shell.format.values import format_cell
    try:
        text = format_cell(value)
    except Exception:
        text = str(value)
    return text.replace("\r", " ").replace("\n", " ")


class GridModel:
    """Rows, filter, sort order, cursor and marks of one grid (no terminal needed: testable)."""

    def __init__(self, rows: list, mode: str = "Multiple") -> None:
        self.rows = list(rows)
        self.mode = mode
        cols = _columns(self.rows[0] if self.rows else None)
        self.headers = [h for h, _ in cols]
        self.values: list[list[Any]] = []
        self.cells: list[list[str]] = []
        for r in self.rows:
            vals = []
            for _, getter in cols:
                try:
                    vals.append(getter(r))
                except Exception:
                    vals.append(None)
            self.values.append(vals)
            self.cells.append([_cell(v) for v in vals])
        self.haystack = ["\t".join(c).lower() for c in self.cells]
        self.order = list(range(len(self.rows)))
        self.shown = list(self.order)
        self.filter_text = ""
        self.sort_column: int | None = None
        self.sort_descending = False
        self.column = 0
        self.cursor = 0
        self.top = 0
        self.marked: set[int] = set()
        self.widths = self._measure()

    def _measure(self) -> list[int]:
        widths = [get_cwidth(h) for h in self.headers]
        for row in self.cells[:_MAX_MEASURED]:
            for i, c in enumerate(row):
                widths[i] = max(widths[i], get_cwidth(c))
        return [min(w, _MAX_COLUMN) for w in widths]

    # ------------------------------------------------------------------ filter and sort
    def set_filter(self, text: str) -> None:
        self.filter_text = text
        words = text.lower().split()
        if not words:
            self.shown = list(self.order)
        else:
            hay = self.haystack
            self.shown = [i for i in self.order if all(w in hay[i] for w in words)]
        self.cursor = min(self.cursor, max(0, len(self.shown) - 1))
        self.top = min(self.top, self.cursor)

    def sort_by(self, column: int) -> None:
        try:
            from o365shell.engine.comparison import sort_key
        except ImportError:  # before the engine's operators module was split
            from o365shell.engine.operators import sort_key  # type: ignore[attr-defined,no-redef]
        if self.sort_column == column:
            self.sort_descending = not self.sort_descending
        else:
            self.sort_column = column
            self.sort_descending = False

        def key(i: int) -> Any:
            try:
                return sort_key(self.values[i][column])
            except Exception:
                return (9, self.cells[i][column].lower())
        try:
            self.order = sorted(range(len(self.rows)), key=key, reverse=self.sort_descending)
        except TypeError:
            self.order = sorted(range(len(self.rows)), key=lambda i: self.cells[i][column].lower(),
                                reverse=self.sort_descending)
        current = self.current_index()
        self.set_filter(self.filter_text)
        if current is not None and current in self.shown:
            self.cursor = self.shown.index(current)

    # ------------------------------------------------------------------ cursor and marks
    def current_index(self) -> int | None:
        return self.shown[self.cursor] if 0 <= self.cursor < len(self.shown) else None

    def move(self, delta: int) -> None:
        if self.shown:
            self.cursor = max(0, min(len(self.shown) - 1, self.cursor + delta))

    def toggle(self) -> None:
        i = self.current_index()
        if i is None or self.mode == "None":
            return
        if self.mode == "Single":
            self.marked = {i}
            return
        if i in self.marked:
            self.marked.discard(i)
        else:
            self.marked.add(i)

    def mark_all(self) -> None:
        if self.mode == "Multiple":
            self.marked.update(self.shown)

    def chosen(self) -> list:
        """What OK returns: the marked rows in input order, else the row at the cursor."""
        if self.mode == "None":
            return []
        if self.marked:
            picked = sorted(self.marked) if self.mode == "Multiple" else [next(iter(self.marked))]
            return [self.rows[i] for i in picked]
        i = self.current_index()
        return [] if i is None else [self.rows[i]]


class GridView:
    """The full-screen application around a :class:`GridModel`."""

    def __init__(self, model: GridModel, title: str) -> None:
        self.model = model
        self.title = title
        self.result: list | None = None
        self.interrupted = False
        self.filter = Buffer(multiline=False, on_text_changed=lambda b: self._refilter(b.text))
        self.filter_window = Window(BufferControl(self.filter), height=1, style="class:filter")
        self.grid_control = FormattedTextControl(self._grid_text, focusable=True, show_cursor=False,
                                                 get_cursor_position=self._cursor_point)
        self.grid_window = Window(self.grid_control, wrap_lines=False, allow_scroll_beyond_bottom=False)
        self.header_window = Window(FormattedTextControl(self._header_text), height=1, wrap_lines=False)
        body = HSplit([
            Window(FormattedTextControl(lambda: [("class:title", f" {self.title} ")]), height=1,
                   style="class:title"),
            VSplit([Window(FormattedTextControl([("class:filter.label", " Filter: ")]), width=9, height=1),
                    self.filter_window]),
            self.header_window,
            self.grid_window,
            Window(FormattedTextControl(self._status_text), height=1, style="class:status"),
        ])
        self.app: Application[list] = Application(layout=Layout(body, focused_element=self.grid_window),
                                                  key_bindings=self._bindings(), style=_STYLE, full_screen=True,
                                                  mouse_support=True)

    # ------------------------------------------------------------------ rendering
    def _visible_rows(self) -> int:
        info = self.grid_window.render_info
        if info is not None:
            return max(1, info.window_height)
        try:
            return max(1, self.app.output.get_size().rows - 5)
        except Exception:
            return 20

    def _scroll(self) -> None:
        m = self.model
        height = self._visible_rows()
        if m.cursor < m.top:
            m.top = m.cursor
        elif m.cursor >= m.top + height:
            m.top = m.cursor - height + 1
        m.top = max(0, min(m.top, max(0, len(m.shown) - height)))

    def _fit(self, text: str, width: int) -> str:
        if get_cwidth(text) <= width:
            return text + " " * (width - get_cwidth(text))
        out = ""
        for ch in text:
            if get_cwidth(out + ch) > width - 1:
                break
            out += ch
        return out + "\u2026" + " " * (width - 1 - get_cwidth(out))

    def _line(self, cells: list[str]) -> str:
        return " ".join(self._fit(c, w) for c, w in zip(cells, self.model.widths))

    def _header_text(self) -> StyleAndTextTuples:
        m = self.model
        out: StyleAndTextTuples = [("", "  ")]
        for i, (h, w) in enumerate(zip(m.headers, m.widths)):
            arrow = ""
            if m.sort_column == i:
                arrow = " \u25bc" if m.sort_descending else " \u25b2"
            style = "class:header.current" if i == m.column else "class:header"
            out.append((style, self._fit(h + arrow, w), self._header_click(i)))  # type: ignore[arg-type]
            out.append(("", " "))
        return out

    def _header_click(self, column: int) -> Callable[[MouseEvent], None]:
        def handler(event: MouseEvent) -> None:
            if event.event_type == MouseEventType.MOUSE_UP:
                self.model.column = column
                self.model.sort_by(column)
        return handler

    def _row_click(self, position: int) -> Callable[[MouseEvent], None]:
        def handler(event: MouseEvent) -> None:
            if event.event_type == MouseEventType.MOUSE_UP:
                self.model.cursor = position
                self.app.layout.focus(self.grid_window)
            elif event.event_type == MouseEventType.SCROLL_DOWN:
                self.model.move(3)
            elif event.event_type == MouseEventType.SCROLL_UP:
                self.model.move(-3)
        return handler

    def _grid_text(self) -> StyleAndTextTuples:
        m = self.model
        self._scroll()
        out: StyleAndTextTuples = []
        height = self._visible_rows()
        for pos in range(m.top, min(len(m.shown), m.top + height)):
            i = m.shown[pos]
            mark = "*" if i in m.marked else " "
            style = "class:row.marked" if i in m.marked else ""
            if pos == m.cursor:
                style += " class:row.cursor"
            out.append((style, f"{mark} {self._line(m.cells[i])}", self._row_click(pos)))  # type: ignore[arg-type]
            out.append(("", "\n"))
        if not m.shown:
            out.append(("", "  (no rows match the filter)" if m.rows else "  (no input)"))
        return out

    def _cursor_point(self) -> Point:
        return Point(0, max(0, self.model.cursor - self.model.top))

    def _status_text(self) -> StyleAndTextTuples:
        m = self.model
        parts = [f" {len(m.shown)} of {len(m.rows)} items"]
        if m.mode == "Multiple":
            parts.append(f"{len(m.marked)} marked")
        keys = "Enter OK  Esc Cancel  Tab filter/grid  \u2190\u2192 column  F3 sort"
        if m.mode == "Multiple":
            keys = "Space mark  Ctrl+A all  " + keys
        elif m.mode == "None":
            keys = "Enter/Esc close  Tab filter/grid  \u2190\u2192 column  F3 sort"
        return [("class:status", " \u2502 ".join(parts) + "  \u2502  " + keys)]

    def _refilter(self, text: str) -> None:
        self.model.set_filter(text)

    # ------------------------------------------------------------------ keys
    def _bindings(self) -> KeyBindings:
        kb = KeyBindings()
        m = self.model
        in_grid = has_focus(self.grid_window)
        in_filter = Condition(lambda: self.app.layout.has_focus(self.filter))

        def page() -> int:
            return max(1, self._visible_rows() - 1)

        kb.add("up")(lambda e: m.move(-1))
        kb.add("down", filter=in_grid)(lambda e: m.move(1))
        kb.add("pageup")(lambda e: m.move(-page()))
        kb.add("pagedown")(lambda e: m.move(page()))
        kb.add("home", filter=in_grid)(lambda e: m.move(-len(m.shown)))
        kb.add("end", filter=in_grid)(lambda e: m.move(len(m.shown)))
        kb.add("c-home")(lambda e: m.move(-len(m.shown)))
        kb.add("c-end")(lambda e: m.move(len(m.shown)))

        @kb.add("left", filter=in_grid)
        def _left(e: KeyPressEvent) -> None:
            m.column = max(0, m.column - 1)

        @kb.add("right", filter=in_grid)
        def _right(e: KeyPressEvent) -> None:
            m.column = min(len(m.headers) - 1, m.column + 1)

        @kb.add("f3")
        @kb.add("c-s")
        def _sort(e: KeyPressEvent) -> None:
            m.sort_by(m.column)

        @kb.add("space", filter=in_grid)
        def _mark(e: KeyPressEvent) -> None:
            m.toggle()
            if m.mode == "Multiple":
                m.move(1)

        @kb.add("c-a", filter=in_grid)
        def _all(e: KeyPressEvent) -> None:
            m.mark_all()

        @kb.add("tab")
        @kb.add("s-tab")
        def _switch(e: KeyPressEvent) -> None:
            target = self.filter_window if e.app.layout.has_focus(self.grid_window) else self.grid_window
            e.app.layout.focus(target)

        @kb.add("down", filter=in_filter)
        def _to_grid(e: KeyPressEvent) -> None:
            e.app.layout.focus(self.grid_window)

        @kb.add("enter", filter=in_filter)
        def _filter_enter(e: KeyPressEvent) -> None:
            e.app.layout.focus(self.grid_window)

        @kb.add("enter", filter=in_grid)
        def _ok(e: KeyPressEvent) -> None:
            self.result = m.chosen()
            e.app.exit(result=self.result)

        @kb.add("escape", eager=True)
        def _cancel(e: KeyPressEvent) -> None:
            self.result = []
            e.app.exit(result=[])

        @kb.add("c-c")
        def _interrupt(e: KeyPressEvent) -> None:
            self.interrupted = True
            self.result = []
            e.app.exit(result=[])

        @kb.add("/", filter=in_grid)
        def _slash(e: KeyPressEvent) -> None:
            e.app.layout.focus(self.filter_window)

        @kb.add("<any>", filter=in_grid)
        def _type_to_filter(e: KeyPressEvent) -> None:
            data = e.data
            if data and data.isprintable() and len(data) == 1:
                e.app.layout.focus(self.filter_window)
                self.filter.insert_text(data)

        return kb

    def run(self) -> list:
        result = self.app.run()
        if self.interrupted:
            raise KeyboardInterrupt
        return list(result or [])


def run_grid(rows: list, title: str, mode: str) -> list:
    """Show the grid; the rows chosen with OK (``mode`` None returns nothing)."""
    model = GridModel(rows, mode if mode in ("None", "Single", "Multiple") else "Multiple")
    return GridView(model, title or "Out-GridView").run()
