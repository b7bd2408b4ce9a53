"""Self-check of a trainee's setup, run at the start of notebook 00.

>>> from labkit import selfcheck
>>> selfcheck.check_setup()          # one row per check: what, ok, detail
>>> selfcheck.widget_probe()          # a button; clicking it proves widgets reach the kernel
"""

from __future__ import annotations

import importlib.metadata as md
import sys

import pandas as pd
from packaging.requirements import Requirement
from packaging.version import InvalidVersion, Version

from labkit import data, i18n, workspace
from labkit.errors import LabkitError


def _package_rows() -> list[dict]:
    rows = []
    for spec in md.requires("labkit") or []:
        req = Requirement(spec)
        if req.marker is not None:  # extras (dev tools) are not needed to learn
            continue
        try:
            installed = md.version(req.name)
        except md.PackageNotFoundError:
            rows.append(
                _row("package", req.name, False, i18n.t("selfcheck.pkg_missing", spec=str(req)))
            )
            continue
        try:
            ok = Version(installed) in req.specifier
        except InvalidVersion:
            ok = False
        detail = i18n.t(
            "selfcheck.pkg_ok" if ok else "selfcheck.pkg_old", version=installed, spec=str(req)
        )
        rows.append(_row("package", req.name, ok, detail))
    return rows


def _row(kind: str, item: str, ok: bool, detail: str) -> dict:
    return {"check": kind, "item": item, "ok": bool(ok), "detail": detail}


def _data_rows() -> list[dict]:
    try:
        report = data.verify()
    except LabkitError as exc:
        return [_row("data", str(data.data_dir()), False, str(exc))]
    return [
        _row("data", r.table, r.ok, r.problem or i18n.t("selfcheck.data_ok"))
        for r in report.itertuples(index=False)
    ]


def _widget_row() -> dict:
    try:
        widgets_version = md.version("ipywidgets")
        lab_widgets = md.version("jupyterlab_widgets")
    except md.PackageNotFoundError as exc:
        return _row("widgets", "ipywidgets", False, i18n.t("selfcheck.pkg_missing", spec=str(exc)))
    ok = Version(widgets_version).major == 8 and Version(lab_widgets).major == 3
    key = "selfcheck.widgets_ok" if ok else "selfcheck.widgets_mismatch"
    return _row(
        "widgets", "ipywidgets", ok, i18n.t(key, ipywidgets=widgets_version, lab=lab_widgets)
    )


def _work_dir_row() -> dict:
    try:
        probe = workspace.save_text(".selfcheck", "ok")
        probe.unlink()
        return _row("work_dir", str(workspace.work_dir()), True, i18n.t("selfcheck.work_ok"))
    except (OSError, LabkitError) as exc:
        return _row("work_dir", str(workspace.work_dir()), False, str(exc))


def check_setup() -> pd.DataFrame:
    """Check Python, packages, bundled data, widgets, work folder and language.

    Returns
    -------
    DataFrame
        Columns ``check``, ``item``, ``ok``, ``detail`` (in the trainee's
        language). ``df.attrs["all_ok"]`` is True when everything passed.
    """
    py_ok = sys.version_info >= (3, 11)
    rows = [_row("python", sys.version.split()[0], py_ok, i18n.t("selfcheck.python"))]
    rows += _package_rows()
    rows += _data_rows()
    rows.append(_widget_row())
    rows.append(_work_dir_row())
    rows.append(_row("language", i18n.get_language(), True, i18n.t("selfcheck.language")))
    df = pd.DataFrame(rows, columns=["check", "item", "ok", "detail"])
    df.attrs["all_ok"] = bool(df["ok"].all())
    return df


def widget_probe():
    """A button and a label: clicking the button proves widgets talk to the kernel.

    Returns
    -------
    ipywidgets.VBox
        ``.children`` are the button and the label; the label's value changes
        (and counts clicks) every time the kernel receives a click.
    """
    import ipywidgets as w

    button = w.Button(
        description=i18n.t("selfcheck.probe_button"), button_style="primary", icon="hand-pointer"
    )
    label = w.Label(value=i18n.t("selfcheck.probe_waiting"))
    clicks = {"n": 0}

    def on_click(_):
        clicks["n"] += 1
        label.value = i18n.t("selfcheck.probe_ok", n=clicks["n"])

    button.on_click(on_click)
    return w.VBox([button, label])
