"""Out-GridView's grid: the model (filter, sort, marks) and the keys, through prompt_toolkit's pipe input."""
from __future__ import annotations

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from o365shell.embed import Shell
from o365shell.engine.objects import get_value
from o365shell.repl.gridview import GridModel, GridView


@pytest.fixture(scope="module")
def users():
    sh = Shell()
    sh.run("Connect-MsolService -Credential (Get-LabCredential -UserPrincipalName admin@contoso.onmicrosoft.com)")
    return sh.invoke("Get-MsolUser")


@pytest.fixture
def items():
    sh = Shell()
    return sh.invoke("1..5 | ForEach-Object { [pscustomobject]@{ Id = $_; Name = \"item$_\"; Size = 10 - $_ } }")


def ident(obj) -> int:
    return int(get_value(obj, "Id"))


def run_keys(model: GridModel, keys: str) -> list:
    with create_pipe_input() as inp:
        with create_app_session(input=inp, output=DummyOutput()):
            view = GridView(model, "test")
            inp.send_text(keys)
            return view.run()


def test_columns_follow_the_default_display(users):
    m = GridModel(users)
    assert m.headers == ["UserPrincipalName", "DisplayName", "isLicensed"]
    assert len(m.rows) == len(users)


def test_columns_of_custom_objects_and_scalars(items):
    assert GridModel(items).headers == ["Id", "Name", "Size"]
    assert GridModel(["a", "b"]).headers == ["Value"]


def test_filter_matches_every_word_in_any_column(users):
    m = GridModel(users)
    m.set_filter("megan")
    assert [users[i].UserPrincipalName for i in m.shown] == ["MeganB@contoso.com"]
    m.set_filter("contoso.com bowen")
    assert len(m.shown) == 1
    m.set_filter("")
    assert len(m.shown) == len(users)


def test_sort_and_reverse(items):
    m = GridModel(items)
    m.sort_by(2)
    assert [ident(m.rows[i]) for i in m.shown] == [5, 4, 3, 2, 1]
    m.sort_by(2)
    assert [ident(m.rows[i]) for i in m.shown] == [1, 2, 3, 4, 5]


def test_marks_and_choice(items):
    m = GridModel(items, "Multiple")
    m.move(1)
    m.toggle()
    m.move(2)
    m.toggle()
    assert [ident(o) for o in m.chosen()] == [2, 4]
    single = GridModel(items, "Single")
    single.move(2)
    assert [ident(o) for o in single.chosen()] == [3]
    assert GridModel(items, "None").chosen() == []


def test_keys_pick_a_row(items):
    assert [ident(o) for o in run_keys(GridModel(items, "Single"), "\x1b[B\x1b[B\r")] == [3]


def test_keys_mark_several_rows(items):
    assert [ident(o) for o in run_keys(GridModel(items, "Multiple"), "  \x1b[B \r")] == [1, 2, 4]


def test_typing_filters_then_enter_returns_the_match(users):
    got = run_keys(GridModel(users, "Multiple"), "patti\r\r")
    assert [u.UserPrincipalName for u in got] == ["PattiF@contoso.com"]


def test_sort_key_and_select_all(items):
    got = run_keys(GridModel(items, "Multiple"), "\x1b[C\x1b[C\x1bOR\x01\r")   # Right, Right, F3 (sort Size), Ctrl+A
    assert [ident(o) for o in got] == [1, 2, 3, 4, 5]


def test_cancel_returns_nothing(items):
    assert run_keys(GridModel(items, "Multiple"), "  \x1b") == []


def test_ctrl_c_stops_the_pipeline(items):
    with pytest.raises(KeyboardInterrupt):
        run_keys(GridModel(items, "Multiple"), "\x03")
