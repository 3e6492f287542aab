"""Key bindings: PSReadLine's habits (Emacs mode, the Linux default) on prompt_toolkit.

| key | PSReadLine function | here |
|---|---|---|
| Enter | ValidateAndAcceptLine / AcceptLine | runs the input, or adds a line while the parser says it is incomplete; in a menu: takes the selected item |
| Alt+Enter | AddLine (Shift+Enter, which terminals cannot send) | new line without running |
| Tab / Shift+Tab | Complete | common prefix, then the candidate menu; Tab again cycles |
| Ctrl+Space | MenuComplete | the menu with the first item selected; typing filters it |
| Escape (in a menu) | RevertLine | drops the menu and the previewed item |
| Ctrl+C | CopyOrCancelLine | copies a selection, else abandons the line (``^C`` shown) |
| Ctrl+D | DeleteCharOrExit | leaves on an empty line |
| Up / Down | HistorySearchBackward/Forward (the common profile setup) | history entries starting with the text before the cursor |
| F8 / Shift+F8 | HistorySearchBackward/Forward | the same |
| Ctrl+R / Ctrl+S | ReverseSearchHistory / ForwardSearchHistory | ``bck-i-search:``; Enter runs the match |
| RightArrow / Alt+F at the end | AcceptSuggestion / AcceptNextSuggestionWord | the inline (fish-style) prediction |
| F2 | SwitchPredictionView | turns the inline prediction off and on |
| F1 | ShowCommandHelp | full help of the command at the cursor, full screen |
| Alt+H | ShowParameterHelp | the parameter's help under the line |
| Ctrl+] | GotoBrace | jumps to the matching bracket |
| Ctrl+Z | Undo (Windows mode) | undo |
| Ctrl+L | ClearScreen | clears the screen |
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from prompt_toolkit.application import in_terminal
from prompt_toolkit.buffer import Buffer, CompletionState
from prompt_toolkit.completion import CompleteEvent, Completion
from prompt_toolkit.enums import DEFAULT_BUFFER
from prompt_toolkit.filters import Condition, has_completions, has_focus, has_selection, is_searching
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.search import accept_search

from . import dynhelp

__all__ = ["EditorState", "make_bindings"]


@dataclass
class EditorState:
    """What the bindings, the prompt and the toolbar share."""

    suggestions: bool = True
    menu_active: bool = False
    notice: str | None = None


def _common_prefix_ci(texts: list[str]) -> str:
    if not texts:
        return ""
    first = texts[0]
    n = min(len(t) for t in texts)
    i = 0
    while i < n and all(t[i].lower() == first[i].lower() for t in texts):
        i += 1
    return first[:i]


def tab_complete(buffer: Buffer, completions: list[Completion], state: EditorState) -> None:
    """PSReadLine's Complete: one candidate is inserted; several insert their common prefix
    (any case) and open the menu, which a further Tab walks through."""
    if not completions:
        return
    if len(completions) == 1:
        buffer.apply_completion(completions[0])
        state.menu_active = False
        return
    doc = buffer.document
    back = -completions[0].start_position
    word = doc.text_before_cursor[len(doc.text_before_cursor) - back:]
    common = _common_prefix_ci([c.text for c in completions])
    if len(common) > len(word) or (common.lower() == word.lower() and common != word and common):
        buffer.delete_before_cursor(len(word))
        buffer.insert_text(common)
        completions = [Completion(c.text, start_position=-len(common), display=c.display,
                                  display_meta=c.display_meta) for c in completions]
    buffer.complete_state = CompletionState(original_document=buffer.document, completions=completions)
    state.menu_active = True


def make_bindings(state: EditorState, completer: Any, get_session: Callable[[], Any],
                  needs_more: Callable[[str], bool], set_toolbar: Callable[[str | None], None]) -> KeyBindings:
    """The REPL's key bindings (added on top of prompt_toolkit's Emacs bindings)."""
    kb = KeyBindings()
    editing = has_focus(DEFAULT_BUFFER)

    def accept_or_newline(buffer: Buffer) -> None:
        if needs_more(buffer.text):
            buffer.insert_text("\n")
        else:
            buffer.validate_and_handle()

    @kb.add("enter", filter=editing)
    def _enter(event: KeyPressEvent) -> None:
        b = event.current_buffer
        cs = b.complete_state
        state.menu_active = False
        if cs is not None and cs.current_completion is not None:
            b.complete_state = None
            return
        b.complete_state = None
        accept_or_newline(b)

    @kb.add("enter", filter=is_searching)
    def _enter_search(event: KeyPressEvent) -> None:
        accept_search()
        accept_or_newline(event.app.current_buffer)

    @kb.add("escape", "enter", filter=editing)
    def _add_line(event: KeyPressEvent) -> None:
        event.current_buffer.insert_text("\n")

    @kb.add("tab", filter=editing)
    def _tab(event: KeyPressEvent) -> None:
        b = event.current_buffer
        if b.complete_state:
            b.complete_next()
            return
        comps = list(completer.get_completions(b.document, CompleteEvent(completion_requested=True)))
        tab_complete(b, comps, state)
        _note_overflow()

    def open_menu(b: Buffer, index: int) -> None:
        comps = list(completer.get_completions(b.document, CompleteEvent(completion_requested=True)))
        if not comps:
            return
        b.complete_state = CompletionState(original_document=b.document, completions=comps)
        b.go_to_completion(index if index >= 0 else len(comps) + index)
        state.menu_active = True
        _note_overflow()

    @kb.add("s-tab", filter=editing)
    def _shift_tab(event: KeyPressEvent) -> None:
        b = event.current_buffer
        if b.complete_state:
            b.complete_previous()
        else:
            open_menu(b, -1)

    @kb.add("c-space", filter=editing)
    def _menu_complete(event: KeyPressEvent) -> None:
        b = event.current_buffer
        if b.complete_state:
            b.complete_next()
        else:
            open_menu(b, 0)

    @kb.add("escape", filter=editing & has_completions)
    def _revert_menu(event: KeyPressEvent) -> None:
        state.menu_active = False
        event.current_buffer.cancel_completion()

    @kb.add("c-c", filter=editing & has_selection)
    def _copy(event: KeyPressEvent) -> None:
        data = event.current_buffer.copy_selection()
        event.app.clipboard.set_data(data)

    @kb.add("c-c", filter=editing & ~has_selection)
    def _cancel(event: KeyPressEvent) -> None:
        b = event.current_buffer
        state.menu_active = False
        b.complete_state = None
        b.suggestion = None
        b.cursor_position = len(b.text)
        b.insert_text("^C", fire_event=False)
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @kb.add("f8", filter=editing)
    def _history_back(event: KeyPressEvent) -> None:
        event.current_buffer.history_backward(count=event.arg)

    @kb.add("f20", filter=editing)  # Shift+F8 (xterm sends F20)
    def _history_forward(event: KeyPressEvent) -> None:
        event.current_buffer.history_forward(count=event.arg)

    @kb.add("f2", filter=editing)
    def _toggle_prediction(event: KeyPressEvent) -> None:
        state.suggestions = not state.suggestions
        event.current_buffer.suggestion = None
        set_toolbar("Inline prediction " + ("on (F2 turns it off)" if state.suggestions else
                                            "off (F2 turns it on)"))

    @kb.add("c-z", filter=editing)
    def _undo(event: KeyPressEvent) -> None:
        event.current_buffer.undo()

    @kb.add("c-]", filter=editing)
    def _goto_brace(event: KeyPressEvent) -> None:
        b = event.current_buffer
        delta = b.document.find_matching_bracket_position()
        if delta:
            b.cursor_position += delta

    @kb.add("escape", "h", filter=editing)
    def _parameter_help(event: KeyPressEvent) -> None:
        b = event.current_buffer
        session = get_session()
        found = dynhelp.parameter_at(b.text, b.cursor_position)
        text = None
        if session is not None and found is not None:
            text = dynhelp.parameter_help_text(session, *found)
        set_toolbar(text or "No parameter at the cursor (Alt+H shows the help of the -Parameter under it).")

    @kb.add("f1", filter=editing)
    def _command_help(event: KeyPressEvent) -> None:
        b = event.current_buffer
        session = get_session()
        name = dynhelp.command_at(b.text, b.cursor_position)
        if session is None:
            return
        if not name:
            set_toolbar("F1 shows the help of the command at the cursor: type a command name first.")
            return
        text = dynhelp.command_help_text(session, name)

        async def show() -> None:
            from .pager import page
            try:
                async with in_terminal():
                    await page(text, f"Help: {name}  (q or Escape returns to the command line)")
            except Exception as e:  # never a traceback at the prompt
                set_toolbar(f"F1 help could not be shown: {e}")

        event.app.create_background_task(show())

    def _note_overflow() -> None:
        last = getattr(completer, "last", None)
        if last is not None and last.total > len(last.candidates):
            set_toolbar(f"{last.total:,} matches; the first {len(last.candidates):,} are listed: type more "
                        "characters to narrow them.")

    _ = Condition
    return kb
