"""A full-screen, read-only text pager (F1 help, as PSReadLine shows it in the alternate screen)."""
from __future__ import annotations

from prompt_toolkit.application import Application
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.layout.margins import ScrollbarMargin
from prompt_toolkit.styles import Style

__all__ = ["make_pager", "page"]


def make_pager(text: str, title: str) -> Application[None]:
    """The pager application: arrows, PageUp/PageDown, Home/End, Space scroll; q/Escape/Enter close."""
    buf = Buffer(document=Document(text, 0), read_only=True)
    body = Window(BufferControl(buf), right_margins=[ScrollbarMargin(display_arrows=True)], wrap_lines=True)
    kb = KeyBindings()

    @kb.add("q")
    @kb.add("escape", eager=True)
    @kb.add("enter")
    @kb.add("c-c")
    @kb.add("f1")
    def _close(event: KeyPressEvent) -> None:
        event.app.exit()

    @kb.add("space")
    def _page_down(event: KeyPressEvent) -> None:
        info = body.render_info
        rows = info.window_height if info else 20
        buf.cursor_down(count=max(1, rows - 1))

    root = HSplit([Window(FormattedTextControl([("class:title", " " + title)]), height=1, style="class:title"),
                   body])
    return Application(layout=Layout(root, focused_element=body), key_bindings=kb, full_screen=True,
                       style=Style.from_dict({"title": "reverse"}), mouse_support=False)


async def page(text: str, title: str) -> None:
    """Show ``text`` until the user closes the pager."""
    await make_pager(text, title).run_async()
