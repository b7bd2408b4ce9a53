"""App pages: the three widgets non-coders use most, each as a page with no code (Voilà).

``notebooks/aplikasi/*.ipynb`` each call one function here; Voilà runs the notebook and shows
only its outputs, so a trainee sees a form, not Python. On the hub the pages open at
``/user/<name>/voila/render/humas-lab/notebooks/aplikasi/<page>.ipynb`` (``labkit links --apps``);
on a laptop, ``voila notebooks/aplikasi/daftar_periksa_audit.ipynb``. Each page uses the
current data source (the bundled data, or the trainee's imported data after notebook 05) and
saves to the same work folder as the notebooks, so a checklist ticked in the app page is
the one notebook 01 reads.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from labkit import data, i18n, owndata, privacy

__all__ = ["APPS", "audit_checklist_app", "dashboard_app", "drafter_app"]

#: App pages: file name in notebooks/aplikasi -> the function that builds it.
APPS = {
    "daftar_periksa_audit": "audit_checklist_app",
    "dasbor_keterlibatan": "dashboard_app",
    "penyusun_draf": "drafter_app",
}


def _page(title_key: str, intro_key: str, body: w.Widget) -> w.VBox:
    import html

    header = w.HTML(
        f"<h2>{html.escape(i18n.t(title_key))}</h2><p>{html.escape(i18n.t(intro_key))}</p>"
    )
    page = w.VBox([header, body])
    page.body = body  # the widget itself, for tests and for a notebook that wants it
    return page


def audit_checklist_app(agency: str | None = None) -> w.VBox:
    """The audit's manual checklist for one agency, with its live score (notebook 01's widget)."""
    from labkit import audit, widgets

    code = owndata.pick_agency(agency, say=False)
    report = audit.audit(
        data.load("accounts"),
        data.load("posts"),
        owndata.load_or_none("comments"),
        search_results=owndata.load_or_none("search_results"),
        agencies=owndata.load_or_none("agencies"),
        agency=code,
    )
    return _page("apps.audit.title", "apps.audit.intro", widgets.audit_checklist(report))


def dashboard_app(agency: str | None = None) -> w.VBox:
    """The engagement dashboard for one agency (notebook 02's widget)."""
    from labkit.dashboard import DashboardModel
    from labkit.widgets.dashboard import Dashboard

    code = owndata.pick_agency(agency, say=False)
    return _page(
        "apps.dashboard.title",
        "apps.dashboard.intro",
        Dashboard(DashboardModel.from_data(agency=code)),
    )


def drafter_app(name: str = "draf_aplikasi", **kwargs: Any) -> w.VBox:
    """The crisis drafter with its lint and templates (notebook 04's widget)."""
    from labkit.widgets.drafter import DrafterView

    contacts = privacy.official_allowlist(data.load("accounts"), owndata.load_or_none("agencies"))
    options = {"kind": "holding", "platform": "x", **kwargs}
    return _page(
        "apps.drafter.title",
        "apps.drafter.intro",
        DrafterView(name, official_contacts=contacts, **options),
    )
