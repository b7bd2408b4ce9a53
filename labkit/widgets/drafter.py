"""The drafting widget: a thin view over :class:`labkit.crisis.Draft`.

Template choice, form fields, a text area, a live preview per platform with a
character counter counted as the platform counts, lint findings updating as the
trainee types, the SCCT advisor beside it, autosave (debounced) with a version
list to browse and restore, and exports. All logic is in :mod:`labkit.crisis`;
text from data is shown escaped (inert), never as HTML.

For lessons::

    drafter = DrafterView("banjir", kind="holding", platform="x")
    drafter.text = "..."            # same as typing
    drafter.findings                # list of Finding
    drafter.save_version("untuk pimpinan")
    drafter.restore(1)
    drafter.export_docx(); drafter.export_text("instagram")
"""

from __future__ import annotations

import html

import ipywidgets as w

from labkit import i18n, platforms
from labkit.crisis import Draft, advise, template_fields, template_names
from labkit.crisis.lint import KINDS, Finding
from labkit.crisis.templates import template_kind


class DrafterView(w.VBox):
    """A drafting form over a :class:`Draft` (opened from the work folder if it exists).

    Parameters
    ----------
    name : str
        The draft's file name in ``drafts/``.
    kind, platform, template, official_contacts
        As for :class:`labkit.crisis.Draft`.
    crisis_type : str, optional
        Shows the SCCT advisor for this crisis type.
    claim : str, optional
        Text from data (a comment, a viral claim) shown inert above the form.
    debounce : float
        Seconds of quiet before an autosave.
    """

    def __init__(
        self,
        name: str = "draf",
        *,
        kind: str = "holding",
        platform: str | None = "x",
        template: str | None = None,
        crisis_type: str | None = None,
        claim: str | None = None,
        official_contacts=(),
        debounce: float | None = 1.0,
    ) -> None:
        self.draft = Draft.open(
            name,
            kind=kind,
            platform=platform,
            template=template,
            debounce=debounce,
            official_contacts=official_contacts,
        )
        label = i18n.label
        self.template_choice = w.Dropdown(
            options=[("-", None)] + [(n, n) for n in template_names()],
            value=self.draft.template,
            description=label("Templat", "Template"),
        )
        self.kind_choice = w.Dropdown(
            options=list(KINDS), value=self.draft.kind, description=label("Jenis", "Kind")
        )
        self.platform_choice = w.Dropdown(
            options=[("dokumen", None)] + [(p, p) for p in platforms.names()],
            value=self.draft.platform,
            description="Platform",
        )
        self.fields_box = w.VBox()
        self.field_inputs: dict[str, w.Text] = {}
        self.editor = w.Textarea(
            value=self.draft.text,
            description=label("Draf", "Draft"),
            layout=w.Layout(width="100%", height="12em"),
            continuous_update=True,
        )
        self.counter = w.HTML()
        self.preview = w.HTML()
        self.findings_html = w.HTML()
        self.advice_html = w.HTML()
        self.claim_html = w.HTML(self._inert(claim) if claim else "")
        self.version_choice = w.Dropdown(description=label("Versi", "Version"))
        self.save_button = w.Button(description=label("Simpan versi", "Save version"), icon="save")
        self.restore_button = w.Button(description=label("Pulihkan", "Restore"), icon="undo")
        self.status = w.HTML()
        self._crisis_type = crisis_type
        self.template_choice.observe(self._on_template, "value")
        self.kind_choice.observe(self._on_kind, "value")
        self.platform_choice.observe(self._on_platform, "value")
        self.editor.observe(self._on_text, "value")
        self.save_button.on_click(lambda _: self.save_version())
        self.restore_button.on_click(lambda _: self._restore_selected())
        super().__init__(
            [
                self.claim_html,
                w.HBox([self.template_choice, self.kind_choice, self.platform_choice]),
                self.fields_box,
                self.editor,
                self.counter,
                self.findings_html,
                self.advice_html,
                self.preview,
                w.HBox([self.version_choice, self.restore_button, self.save_button]),
                self.status,
            ]
        )
        self._build_fields()
        self.refresh()

    # ---------------------------------------------------------------- public
    @property
    def text(self) -> str:
        """The draft's text (setting it is the same as typing)."""
        return self.draft.text

    @text.setter
    def text(self, value: str) -> None:
        self.editor.value = value

    @property
    def findings(self) -> list[Finding]:
        """Lint findings of the current text."""
        return self.draft.findings

    def save_version(self, label: str = ""):
        """Keep the current text as a version ("Simpan versi")."""
        version = self.draft.save_version(label)
        self.refresh()
        return version

    def restore(self, version) -> str:
        """Bring back a version by number."""
        text = self.draft.restore(version)
        self.editor.value = text
        self._build_fields()  # the field boxes show the restored fields
        self.refresh()
        return text

    def export_docx(self, path=None):
        """Save as DOCX in the work folder's ``exports/``; return the path."""
        return self.draft.export_docx(path)

    def export_text(self, platform: str | None = None) -> str:
        """Plain text for ``platform`` (a LabkitError if too long)."""
        return self.draft.export_text(platform)

    def flush(self):
        """Save now."""
        return self.draft.flush()

    # --------------------------------------------------------------- events
    @staticmethod
    def _inert(text: str) -> str:
        return "<div style='white-space:pre-wrap'>" + html.escape(str(text)) + "</div>"

    def _build_fields(self) -> None:
        self.field_inputs = {}
        if self.draft.template:
            for f in template_fields(self.draft.template):
                box = w.Text(value=self.draft.fields.get(f, ""), description=f)
                box.observe(lambda change, f=f: self._on_field(f, change["new"]), "value")
                self.field_inputs[f] = box
        self.fields_box.children = list(self.field_inputs.values())

    def _on_template(self, change) -> None:
        self.draft.template = change["new"]
        if change["new"]:
            self.kind_choice.value = template_kind(change["new"])
        self._build_fields()
        self.refresh()

    def _on_kind(self, change) -> None:
        self.draft.kind = change["new"]
        self.refresh()

    def _on_platform(self, change) -> None:
        self.draft.platform = change["new"]
        self.refresh()

    def _on_field(self, field: str, value: str) -> None:
        self.draft.set_field(field, value)
        if self.editor.value != self.draft.text:
            self.editor.value = self.draft.text
        self.refresh()

    def _on_text(self, change) -> None:
        self.draft.text = change["new"]
        self.refresh()

    def _restore_selected(self) -> None:
        if self.version_choice.value is not None:
            self.restore(self.version_choice.value)

    def refresh(self) -> None:
        """Redraw counter, findings, advice, preview and version list from the model."""
        d = self.draft
        if d.platform is None:
            self.counter.value = html.escape(
                f"{len(d.text)} " + i18n.label("karakter", "characters")
            )
        else:
            lim = platforms.limit(d.platform)
            n = d.count()
            over = lim.limit is not None and n > lim.limit
            unverified = (
                ""
                if lim.verified
                else " (" + i18n.label("batas belum terverifikasi", "limit unverified") + ")"
            )
            colour = "#a00" if over else "#333"
            limit = "-" if lim.limit is None else str(lim.limit)
            self.counter.value = (
                f"<span style='color:{colour}'>{n} / {limit}{html.escape(unverified)}</span>"
            )
        items = [
            f"<li><b>{html.escape(f.code)}</b> ({html.escape(f.severity)}): {html.escape(f.message)}</li>"
            for f in self.findings
        ]
        ok = i18n.label("Tidak ada temuan.", "No findings.")
        self.findings_html.value = f"<ul>{''.join(items)}</ul>" if items else html.escape(ok)
        if self._crisis_type:
            a = advise(self._crisis_type)
            self.advice_html.value = f"<b>SCCT: {html.escape(a.strategy)}</b>" + self._inert(
                a.explain()
            )
        self.preview.value = self._inert(d.text)
        self.version_choice.options = [
            (f"{v.number}: {v.label} ({v.saved_at})", v.number) for v in d.versions
        ]
        if d.last_saved:
            self.status.value = html.escape(i18n.label("Tersimpan", "Saved") + f" {d.last_saved}")
