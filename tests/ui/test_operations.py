"""Operations run work off the GUI thread in one transaction, report back, and cancel cleanly."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import func, select

from ikmdesk.db import Database
from ikmdesk.models import Setting
from ikmdesk.ui import change_bus as bus_module
from ikmdesk.ui.operations import (
    Operation,
    OperationCancelled,
    Progress,
    ProgressDialog,
    run_with_progress,
    wait_for_operations,
)


def _settings_count(database: Database) -> int:
    with database.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(Setting)) or 0


def test_work_runs_off_the_gui_thread_and_reports_its_result(qtbot, database):
    gui_thread = threading.get_ident()

    def work(session):
        session.add(Setting(key="probe", value={"x": 1}))
        return threading.get_ident()

    operation = Operation(work, database=database)
    with qtbot.waitSignal(operation.succeeded, timeout=5000) as blocker:
        operation.start()
    assert blocker.args[0] != gui_thread
    assert _settings_count(database) == 1


def test_failed_work_leaves_no_partial_data(qtbot, database):
    def work(session):
        session.add(Setting(key="probe", value=1))
        session.flush()
        raise ValueError("boom")

    operation = Operation(work, database=database)
    with qtbot.waitSignal(operation.failed, timeout=5000) as blocker:
        operation.start()
    assert isinstance(blocker.args[0], ValueError)
    assert _settings_count(database) == 0


def test_cancelled_work_rolls_back(qtbot, database):
    started = threading.Event()
    release = threading.Event()

    def work(session, progress: Progress):
        session.add(Setting(key="probe", value=1))
        session.flush()
        started.set()
        release.wait(5)
        progress.raise_if_cancelled()
        return "finished"

    operation = Operation(work, database=database, with_progress=True)
    operation.start()
    assert started.wait(5)
    operation.cancel()
    release.set()
    with qtbot.waitSignal(operation.cancelled, timeout=5000):
        pass
    assert _settings_count(database) == 0


def test_progress_dialog_cancel_button_cancels_the_work(qtbot, database):
    seen: list[str] = []

    def work(session, progress: Progress):
        session.add(Setting(key="probe", value=1))
        for step in range(1000):
            progress.report(step, 1000, f"step {step}")
            progress.raise_if_cancelled()
            threading.Event().wait(0.01)
        return "all done"

    operation = run_with_progress(
        None, "Uji", work, database=database, on_success=lambda r: seen.append(r)
    )
    with qtbot.waitSignal(operation.cancelled, timeout=15000):
        qtbot.waitUntil(lambda: operation.is_finished or _dialog_is_visible())
        _click_cancel()
    assert seen == []
    assert _settings_count(database) == 0


def _dialog_is_visible() -> bool:
    return any(
        isinstance(w, ProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def _click_cancel() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ProgressDialog) and widget.isVisible():
            widget.findChild(QPushButton).click()


def test_success_announces_changes_on_the_bus(qtbot, database):
    bus = bus_module.install_change_bus(bus_module.ChangeBus())
    operation = Operation(lambda session: None, database=database, changes=["visit", "follow_up"])
    with qtbot.waitSignal(bus.data_changed, timeout=5000) as blocker:
        operation.start()
    assert blocker.args[0] == frozenset({"visit", "follow_up"})


def test_work_without_database_gets_no_session(qtbot):
    operation = Operation(lambda: 42)
    with qtbot.waitSignal(operation.succeeded, timeout=5000) as blocker:
        operation.start()
    assert blocker.args == [42]


@pytest.fixture(autouse=True)
def _drain():
    yield
    wait_for_operations(5000)


def test_operation_cancelled_is_an_exception():
    assert issubclass(OperationCancelled, Exception)


def test_a_finished_progress_dialog_is_gone_before_the_result_is_handled(
    qtbot, database, monkeypatch
):
    from ikmdesk.ui import operations

    monkeypatch.setattr(operations, "SHOW_AFTER_MS", 0)  # show it at once, as long work does
    release = threading.Event()
    visible_when_handled: list[bool] = []

    def work(progress: Progress):
        progress.report(1, 2, "half")
        release.wait(10)
        progress.report(2, 2, "done")
        return "done"

    operation = run_with_progress(
        None,
        "Uji",
        work,
        on_success=lambda _result: visible_when_handled.append(_dialog_is_visible()),
    )
    qtbot.waitUntil(_dialog_is_visible, timeout=30_000)
    release.set()
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        pass
    assert visible_when_handled == [False]
    qtbot.wait(50)  # the dialog's own show timer must not bring it back
    assert not _dialog_is_visible()
