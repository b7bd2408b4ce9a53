"""A draft statement: text, template fields, autosave and a version history.

The model behind the drafting widget and the tabletop rehearsal; it never imports
widgets. Everything is saved to ``drafts/<name>.json`` in the work folder through
:mod:`labkit.workspace` (atomic writes: a crash during a save leaves the previous
file whole). The file holds the current text and fields and the version list, so
one atomic write saves both::

    d = Draft.open("banjir")          # the saved draft, or a new one
    d.text = "..."                    # autosaved after `debounce` seconds of quiet
    d.findings                        # lint of the current text
    d.save_version("untuk pimpinan")  # a named version
    d.restore(0)                      # back to the first version
"""

from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from labkit import export, i18n, platforms, workspace
from labkit.crisis import templates
from labkit.crisis.lint import Finding, check_kind, lint
from labkit.errors import LabkitError

MAX_VERSIONS = 200
_NAME = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Version:
    """One saved version of a draft."""

    number: int
    saved_at: str
    label: str
    text: str
    fields: dict
    auto: bool = False  # kept on a typing pause (these make room first)


class Draft:
    """A crisis statement being written.

    Parameters
    ----------
    name : str
        File name in ``drafts/`` (letters, digits, ``-`` and ``_``).
    kind : str
        Lint kind: ``holding``, ``clarification``, ``apology``, ``update``, ``press_release``.
    platform : str or None
        Where it will be published (None: a document).
    template : str, optional
        Template name; fields fill it through :meth:`set_field`.
    debounce : float
        Seconds of quiet before an autosave (0: save at once; None: no autosave).
    official_contacts : iterable or Allowlist
        The agency's own contacts, passed to :func:`labkit.crisis.lint`.
    """

    def __init__(
        self,
        name: str = "draf",
        *,
        kind: str = "holding",
        platform: str | None = "x",
        template: str | None = None,
        debounce: float | None = 1.0,
        official_contacts=(),
    ) -> None:
        clean = _NAME.sub("_", str(name)).strip("_")
        if not clean:
            raise LabkitError("crisis.bad_draft_name", name=name)
        self.name = clean
        self.kind = check_kind(kind)
        self.platform = None if platform is None else platforms.check_platform(platform)
        self.template = template
        self.debounce = debounce
        self.official_contacts = official_contacts
        self.fields: dict[str, str] = {}
        self._text = ""
        self._rendered: str | None = None  # the text the template last produced
        self._versions: list[Version] = []
        self._timer: threading.Timer | None = None
        self._lock = threading.RLock()
        self.last_saved: str | None = None

    # ------------------------------------------------------------------ files
    @property
    def relpath(self) -> str:
        return f"drafts/{self.name}.json"

    @classmethod
    def open(cls, name: str = "draf", **kwargs) -> Draft:
        """The draft saved under ``name``, or a new one (``kwargs`` as for the constructor)."""
        draft = cls(name, **kwargs)
        saved = workspace.load_json(draft.relpath)
        if saved:
            draft.kind = check_kind(saved.get("kind", draft.kind))
            platform = saved.get("platform", draft.platform)
            draft.platform = None if platform is None else platforms.check_platform(platform)
            draft.template = saved.get("template", draft.template)
            draft.fields = dict(saved.get("fields", {}))
            draft._text = saved.get("text", "")
            draft._versions = [Version(**v) for v in saved.get("versions", [])]
            draft.last_saved = saved.get("saved_at")
        return draft

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "platform": self.platform,
            "template": self.template,
            "fields": self.fields,
            "text": self._text,
            "saved_at": self.last_saved,
            "versions": [asdict(v) for v in self._versions],
        }

    def flush(self) -> Path:
        """Save now (cancels a pending autosave)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self.last_saved = datetime.now(UTC).isoformat(timespec="seconds")
            return workspace.save_json(self.relpath, self.to_dict())

    def _autosave(self) -> None:
        with self._lock:
            self._timer = None
            if not self._versions or self._versions[-1].text != self._text:
                self._add_version(i18n.t("crisis.draft.pause"), auto=True)
            self.flush()

    def _schedule(self) -> None:
        if self.debounce is None:
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if self.debounce <= 0:
                self._autosave()
                return
            self._timer = threading.Timer(self.debounce, self._autosave)
            self._timer.daemon = True
            self._timer.start()

    # ------------------------------------------------------------------ text
    @property
    def text(self) -> str:
        """The draft's text; setting it schedules an autosave."""
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        value = "" if value is None else str(value)
        if value == self._text:
            return
        self._text = value
        self._schedule()

    def set_field(self, field: str, value: str) -> None:
        """Set a template field; the text is re-rendered once every field is filled.

        A text edited by hand since the last rendering is kept as a version
        before it is replaced, so nothing typed is lost.
        """
        self.fields[field] = "" if value is None else str(value)
        if self.template:
            try:
                rendered = templates.render(self.template, self.fields)
            except LabkitError:
                self._schedule()
                return
            with self._lock:
                edited = self._text.strip() and self._text != self._rendered
                if edited and self._text != rendered:
                    if not self._versions or self._versions[-1].text != self._text:
                        self._add_version(i18n.t("crisis.draft.before_fill"))
                self._rendered = rendered
            self.text = rendered
        else:
            self._schedule()

    def missing_fields(self) -> list[str]:
        """Template fields still empty."""
        if not self.template:
            return []
        return [
            f
            for f in templates.template_fields(self.template)
            if not self.fields.get(f, "").strip()
        ]

    @property
    def findings(self) -> list[Finding]:
        """Lint findings of the current text."""
        return lint(
            self._text,
            platform=self.platform,
            kind=self.kind,
            official_contacts=self.official_contacts,
        )

    def count(self, platform: str | None = None) -> int:
        """Characters as ``platform`` (default: the draft's) counts them."""
        platform = platform or self.platform
        return len(self._text) if platform is None else platforms.count(self._text, platform)

    # --------------------------------------------------------------- versions
    @property
    def versions(self) -> list[Version]:
        """Saved versions, oldest first."""
        return list(self._versions)

    def _add_version(self, label: str, *, auto: bool = False) -> Version:
        number = self._versions[-1].number + 1 if self._versions else 1
        version = Version(
            number,
            datetime.now(UTC).isoformat(timespec="seconds"),
            label,
            self._text,
            dict(self.fields),
            auto,
        )
        self._versions.append(version)
        while len(self._versions) > MAX_VERSIONS:  # the oldest automatic version goes first
            oldest = next((i for i, v in enumerate(self._versions[:-1]) if v.auto), 0)
            del self._versions[oldest]
        return version

    def save_version(self, label: str = "") -> Version:
        """Keep the current text as a version (``"Simpan versi"``) and save at once."""
        with self._lock:
            version = self._add_version(label or i18n.t("crisis.draft.manual"))
            self.flush()
            return version

    def restore(self, version: int | Version) -> str:
        """Bring back a version (its number, or a :class:`Version`); the current text is kept as a version first."""
        number = version.number if isinstance(version, Version) else int(version)
        match = [v for v in self._versions if v.number == number]
        if not match:
            valid = ", ".join(str(v.number) for v in self._versions) or "-"
            raise LabkitError("crisis.no_version", number=number, valid=valid)
        with self._lock:
            if not self._versions or self._versions[-1].text != self._text:
                self._add_version(i18n.t("crisis.draft.before_restore"))
            self._text = match[0].text
            self.fields = dict(match[0].fields)
            self.flush()
        return self._text

    # ---------------------------------------------------------------- exports
    def export_text(self, platform: str | None = None) -> str:
        """The text as plain text for ``platform``; a LabkitError if it is over the platform's limit."""
        platform = platform or self.platform
        if platform is not None:
            at = platforms.over_limit_at(self._text, platform)
            if at is not None:
                lim = platforms.limit(platform)
                raise LabkitError(
                    "crisis.export_too_long",
                    platform=platform,
                    count=platforms.count(self._text, platform),
                    limit=lim.limit,
                )
        return self._text.strip() + "\n"

    def export_docx(self, path: str | None = None) -> Path:
        """Save the draft as DOCX (press-release layout: letterhead fields first) in ``exports/``."""
        doc = export.Document(self.fields.get("judul") or i18n.t("crisis.draft.docx_title"))
        spec = templates._templates().get(self.template or "", {})
        for field in spec.get("letterhead", []):
            if self.fields.get(field):
                doc.paragraph(self.fields[field])
        for para in self._text.split("\n"):
            if para.strip():
                doc.paragraph(para)
        return doc.to_docx(path or f"{self.name}.docx")
