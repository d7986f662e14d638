"""Run work off the GUI thread, one writer at a time, and report back by signal.

API:

- ``Operation(work, *, database=None, changes=(), with_progress=False, parent=None)``:
  a QObject with signals ``succeeded(object)`` (the work's return value), ``failed(object)``
  (the exception), ``cancelled()``, ``progressed(int, int, str)`` (done, total, text) and
  ``finished()`` (after any of the first three). Call ``start()`` once.

  * With ``database`` the work is called as ``work(session)`` inside its own
    ``database.unit_of_work()``: one transaction, committed when the work returns, rolled
    back when it raises (so cancelled or failed work leaves no partial data).
  * Without ``database`` it is called as ``work()``.
  * With ``with_progress=True`` a ``Progress`` is passed as a second (or only) argument:
    ``work(session, progress)`` / ``work(progress)``. Call ``progress.report(done, total,
    text)`` as you go and ``progress.raise_if_cancelled()`` (or test ``progress.cancelled``)
    between steps; raising ``OperationCancelled`` ends the work as cancelled.
  * ``changes``: entity names (see ``ui.change_bus``) announced on the change bus after
    success, so other pages refresh.
  * ``cancel()`` asks the work to stop; it stops at its next poll.

  Signals are re-emitted in the GUI thread, so it is safe to connect them right after
  ``start()`` and to touch widgets in the slots. Never touch widgets inside ``work``.

- ``run_operation(work, *, database=None, changes=(), on_success=None, on_failure=None,
  parent=None) -> Operation``: make, connect and start in one call (no dialog).
- ``run_with_progress(parent, title, work, *, database=None, changes=(), on_success=None,
  on_failure=None, label="") -> Operation``: the same with ``with_progress=True`` and a modal
  ``QProgressDialog`` whose Cancel button cancels; the dialog hides itself when the work
  ends, before ``on_success``/``on_failure`` run, and never shows again, so a question those
  callbacks ask is never covered by a finished progress dialog. Failures are shown with
  ``dialogs.show_error`` unless ``on_failure`` is given.
- ``wait_for_operations(msecs=-1) -> bool``: block until queued work has run (tests, quit).

All work goes through one single-thread ``QThreadPool`` (``writer_pool()``): SQLite allows one
writer, and queueing writes in order is simpler and safer than retrying on "database locked".
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ikmdesk.db import Database
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import change_bus

log = logging.getLogger(__name__)

# Progress reports faster than this would flood the GUI event queue for no visible gain.
_REPORT_INTERVAL_S = 0.05
SHOW_AFTER_MS = 300
"""Work that ends sooner never shows its progress dialog (no flicker); tests may lower it."""


class OperationCancelled(Exception):
    """Raised inside work when the user cancelled; the work's transaction rolls back."""


class Progress:
    """Handed to long work: report how far it got and learn whether the user cancelled."""

    def __init__(self, report: Callable[[int, int, str], None], stop: threading.Event) -> None:
        self._report = report
        self._stop = stop
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        """Tell whether the user asked to stop."""
        return self._stop.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise OperationCancelled when the user asked to stop."""
        if self._stop.is_set():
            raise OperationCancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        """Tell the GUI how far the work got (throttled; the last step always goes through)."""
        now = time.monotonic()
        if done >= total or now - self._last >= _REPORT_INTERVAL_S:
            self._last = now
            self._report(done, total, text)


class _RunnerSignals(QObject):
    """Lives in the GUI thread; emitted from the worker, so delivery is queued to the GUI."""

    done = Signal(int, object)
    progressed = Signal(int, int, str)


_SUCCEEDED, _FAILED, _CANCELLED = range(3)


class _Runner(QRunnable):
    def __init__(self, call: Callable[[], Any], signals: _RunnerSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the Operation keeps it until finished
        self._call = call
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._call()
        except OperationCancelled:
            self._signals.done.emit(_CANCELLED, None)
        except Exception as exc:  # reported to the page, which shows it; never swallowed
            self._signals.done.emit(_FAILED, exc)
        else:
            self._signals.done.emit(_SUCCEEDED, result)


_pool: QThreadPool | None = None
_running: set[Operation] = set()


def writer_pool() -> QThreadPool:
    """Return the single-thread pool every operation runs on, in the order started."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)
    return _pool


def wait_for_operations(msecs: int = -1) -> bool:
    """Block until every started operation's work has run; False on timeout."""
    return writer_pool().waitForDone(msecs)


def pending_operations() -> int:
    """Return how many started operations have not yet reported back."""
    return len(_running)


class Operation(QObject):
    """One piece of work run on the writer thread; results come back as GUI-thread signals."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(
        self,
        work: Callable[..., Any],
        *,
        database: Database | None = None,
        changes: Iterable[str] = (),
        with_progress: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._database = database
        self._changes = tuple(changes)
        self._with_progress = with_progress
        self._stop = threading.Event()
        self._signals = _RunnerSignals()
        self._signals.done.connect(self._on_runner_done, Qt.ConnectionType.QueuedConnection)
        self._signals.progressed.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self._runner = _Runner(self._call, self._signals)
        self._started = False
        self._is_finished = False
        self.dialog: QProgressDialog | None = None

    @property
    def is_finished(self) -> bool:
        """Tell whether the work has ended and its signal been delivered."""
        return self._is_finished

    def start(self) -> Operation:
        """Queue the work on the writer thread; returns self for chaining."""
        if self._started:
            raise RuntimeError("operation already started")
        self._started = True
        _running.add(self)
        # A parent deleted before the work reports back must not leave it counted as running.
        self.destroyed.connect(lambda: _running.discard(self))
        writer_pool().start(self._runner)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next poll of its Progress."""
        self._stop.set()

    def _call(self) -> Any:
        args: list[Any] = []
        if self._with_progress:
            args.append(Progress(self._signals.progressed.emit, self._stop))
        if self._database is None:
            return self._work(*args)
        with self._database.unit_of_work() as session:
            return self._work(session, *args)

    @Slot(int, object)
    def _on_runner_done(self, outcome: int, value: object) -> None:
        self._is_finished = True
        _running.discard(self)
        try:
            if outcome == _SUCCEEDED:
                if self._changes:
                    change_bus().notify(*self._changes)
                self.succeeded.emit(value)
            elif outcome == _FAILED:
                self.failed.emit(value)
            else:
                self.cancelled.emit()
        finally:
            self.finished.emit()


def run_operation(
    work: Callable[..., Any],
    *,
    database: Database | None = None,
    changes: Iterable[str] = (),
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    parent: QObject | None = None,
) -> Operation:
    """Start ``work`` on the writer thread with the given callbacks; returns the operation."""
    operation = Operation(work, database=database, changes=changes, parent=parent)
    if on_success is not None:
        operation.succeeded.connect(on_success)
    if on_failure is not None:
        operation.failed.connect(on_failure)
    return operation.start()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    work: Callable[..., Any],
    *,
    database: Database | None = None,
    changes: Iterable[str] = (),
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    label: str = "",
) -> Operation:
    """Start long ``work(…, progress)`` behind a modal, cancellable progress dialog."""
    operation = Operation(
        work, database=database, changes=changes, with_progress=True, parent=parent
    )
    dialog = ProgressDialog(parent, title, label, operation)
    if on_success is not None:
        operation.succeeded.connect(on_success)
    if on_failure is not None:
        operation.failed.connect(on_failure)
    else:
        operation.failed.connect(lambda error: dialogs.show_error(parent, error))
    operation.dialog = dialog  # keeps the dialog alive as long as the operation
    operation.start()
    dialog.setValue(0)  # starts the minimum-duration clock; quick work never shows the dialog
    return operation


class ProgressDialog(QProgressDialog):
    """A modal progress dialog tied to one operation: Cancel cancels it, its end closes it."""

    def __init__(
        self, parent: QWidget | None, title: str, label: str, operation: Operation
    ) -> None:
        super().__init__(label or title, self.tr("Batal"), 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.operation = operation
        self._label = label
        self._ended = False
        self.canceled.connect(self._on_dialog_canceled)
        operation.progressed.connect(self._on_operation_progressed)
        # Connected before the caller's own slots, so the dialog is gone before they run.
        operation.succeeded.connect(self._on_operation_ended)
        operation.failed.connect(self._on_operation_ended)
        operation.cancelled.connect(self._on_operation_ended)
        operation.finished.connect(self._on_operation_finished)

    def setVisible(self, visible: bool) -> None:
        # QProgressDialog's own timer may still try to show it after the work ended.
        if visible and self._ended:
            return
        super().setVisible(visible)

    @Slot()
    def _on_dialog_canceled(self) -> None:
        self.setLabelText(self.tr("Membatalkan…"))
        self.operation.cancel()

    @Slot(int, int, str)
    def _on_operation_progressed(self, done: int, total: int, text: str) -> None:
        if self.operation.is_finished:
            return
        self.setMaximum(max(total, 0))
        self.setValue(min(done, total) if total > 0 else 0)
        if text:
            self.setLabelText(text)

    @Slot()
    def _on_operation_ended(self) -> None:
        if self._ended:
            return
        self._ended = True
        self.canceled.disconnect(self._on_dialog_canceled)
        self.reset()  # stops the timer that shows the dialog after SHOW_AFTER_MS
        self.hide()

    @Slot()
    def _on_operation_finished(self) -> None:
        self._on_operation_ended()
        self.deleteLater()
