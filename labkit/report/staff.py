"""Telaah Staf (staff review): the standard sections and the official header block, saved as written."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from labkit import i18n, workspace
from labkit.errors import LabkitError
from labkit.export import Document

#: The header block, in order (kepada, dari, tanggal, nomor, sifat, lampiran, perihal).
HEADER = ("kepada", "dari", "tanggal", "nomor", "sifat", "lampiran", "perihal")
#: The sections of a staff review, in order.
SECTIONS = ("persoalan", "praanggapan", "fakta", "analisis", "kesimpulan", "saran")
STAFF_DIR = "telaah_staf"


@dataclass
class StaffReview:
    """A Telaah Staf: header fields and the six sections (text a trainee writes).

    Saved to ``telaah_staf/<name>.json`` in the work folder at every :meth:`save`
    (atomic), so nothing written is lost across a kernel restart.
    """

    name: str = "telaah"
    kepada: str = ""
    dari: str = ""
    tanggal: str = ""
    nomor: str = ""
    sifat: str = "Biasa"
    lampiran: str = "-"
    perihal: str = ""
    persoalan: str = ""
    praanggapan: str = ""
    fakta: list[str] = field(default_factory=list)
    analisis: str = ""
    kesimpulan: str = ""
    saran: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, name: str = "telaah") -> StaffReview:
        """The saved review of this name, or a new one dated today."""
        saved = workspace.load_json(f"{STAFF_DIR}/{name}.json")
        if saved is None:
            return cls(name=name, tanggal=dt.date.today().isoformat())
        return cls(**{k: v for k, v in saved.items() if k in cls.__dataclass_fields__})

    def save(self) -> None:
        """Write it to the work folder (atomic)."""
        workspace.save_json(f"{STAFF_DIR}/{self.name}.json", asdict(self), history=True)

    def missing(self) -> list[str]:
        """The header fields and sections still empty."""
        return [f for f in HEADER + SECTIONS if not getattr(self, f)]

    def document(self) -> Document:
        """The review as a :class:`labkit.export.Document` (DOCX/HTML).

        Raises
        ------
        LabkitError
            If ``perihal`` (the subject) is empty: a staff review without a subject
            cannot be filed.
        """
        if not self.perihal.strip():
            raise LabkitError("report.staff.no_subject")
        t = i18n.t
        doc = Document(t("report.staff.title"), self.perihal)
        doc.table(
            _header_table(self),
            caption=t("report.staff.header_caption"),
        )
        for number, section in enumerate(SECTIONS, start=1):
            doc.heading(f"{number}. {t(f'report.staff.section.{section}')}", 2)
            value = getattr(self, section)
            if isinstance(value, list):
                doc.bullets(value or ["-"])
            else:
                doc.paragraph(value or "-")
        return doc


def _header_table(review: StaffReview):
    import pandas as pd

    return pd.DataFrame(
        [(i18n.t(f"report.staff.header.{f}"), getattr(review, f) or "-") for f in HEADER],
        columns=[i18n.label("Isian", "Field"), i18n.label("Isi", "Content")],
    )
