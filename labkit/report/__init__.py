"""Module 6: reports for the leader, as DOCX and HTML through labkit.export.Document.

* :func:`~labkit.report.daily.daily_issue_report` -- Laporan Isu Harian, from module 3's
  :func:`labkit.monitor.daily_summary`;
* :class:`~labkit.report.staff.StaffReview` -- Telaah Staf: the official header block and
  the six standard sections, saved as written;
* :func:`~labkit.report.monthly.monthly_report` -- the monthly performance report (audit,
  engagement with denominators, best and worst posts, followers, responses, plan vs actual).
"""

from labkit.report.daily import daily_issue_report
from labkit.report.monthly import MonthlyReport, monthly_report
from labkit.report.staff import HEADER, SECTIONS, StaffReview

__all__ = [
    "HEADER",
    "SECTIONS",
    "MonthlyReport",
    "StaffReview",
    "daily_issue_report",
    "monthly_report",
]
