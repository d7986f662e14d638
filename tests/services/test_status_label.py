"""One name per visit status and follow-up state, the same in the window, reports and exports."""

from __future__ import annotations

from ikmdesk.models.enums import VisitStatus
from ikmdesk.reports.catalogue import VOCABULARY
from ikmdesk.services import office_export
from ikmdesk.services.status_label import (
    FOLLOW_UP_STATE_NAMES,
    VISIT_STATUS_NAMES,
    follow_up_state_label,
    visit_status_label,
)


def test_every_visit_status_has_one_name_in_each_language() -> None:
    assert set(VISIT_STATUS_NAMES) == {s.value for s in VisitStatus}
    assert visit_status_label("submitted") == "Menunggu tinjauan"
    assert visit_status_label("submitted", "en") == "Awaiting review"
    assert follow_up_state_label("overdue", "en") == "Overdue"
    assert set(FOLLOW_UP_STATE_NAMES) == {"open", "due", "overdue", "done"}


def test_reports_and_exports_use_the_same_names() -> None:
    for status, pair in VISIT_STATUS_NAMES.items():
        assert VOCABULARY[status] == pair
        assert office_export._VISIT_STATUS[status] == pair[0]
    for state, pair in FOLLOW_UP_STATE_NAMES.items():
        assert office_export._FOLLOW_UP_STATE[state] == pair[0]
