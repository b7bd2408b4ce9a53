"""Download guides: how to get each platform's analytics export, in the trainee's language.

The menu paths are data (``platform_guides.yaml`` beside this module), written
from public documentation and dated; platforms move menus often.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from labkit import i18n, schema
from labkit.errors import LabkitError

GUIDES_FILE = Path(__file__).resolve().parent / "platform_guides.yaml"


def _load_guides() -> list[dict[str, Any]]:
    import yaml

    raw = yaml.safe_load(GUIDES_FILE.read_text(encoding="utf-8")) or {}
    return list(raw.get("guides", []))


@dataclass(frozen=True)
class Guide:
    """How to download one platform's export, in the trainee's language."""

    platform: str
    title: str
    steps: tuple[str, ...]
    files: tuple[str, ...]
    notes: tuple[str, ...]
    source: str
    last_checked: str
    verified_in_app: bool

    def lines(self) -> list[str]:
        out = [self.title]
        out += [f"  {i}. {step}" for i, step in enumerate(self.steps, 1)]
        out.append("  " + i18n.t("owndata.guide_files", files="; ".join(self.files)))
        out += [f"  ! {note}" for note in self.notes]
        status = "owndata.guide_verified" if self.verified_in_app else "owndata.guide_unverified"
        out.append("  " + i18n.t(status, date=self.last_checked, source=self.source))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def _repr_markdown_(self) -> str:  # pragma: no cover - notebook display
        steps = "\n".join(f"{i}. {s}" for i, s in enumerate(self.steps, 1))
        notes = "\n".join(f"- ⚠️ {n}" for n in self.notes)
        files = i18n.t("owndata.guide_files", files="; ".join(f"`{f}`" for f in self.files))
        status = "owndata.guide_verified" if self.verified_in_app else "owndata.guide_unverified"
        check = i18n.t(status, date=self.last_checked, source=self.source)
        return f"#### {self.title}\n\n{steps}\n\n{files}\n\n{notes}\n\n*{check}*\n"


class Guides(tuple):
    """Several :class:`Guide` objects, displayed one after another."""

    def __str__(self) -> str:
        return "\n\n".join(str(g) for g in self)

    def _repr_markdown_(self) -> str:  # pragma: no cover - notebook display
        return "\n\n".join(g._repr_markdown_() for g in self)


def download_guide(platform: str | None = None) -> Guide | Guides:
    """How to download the analytics export of ``platform`` (default: every platform).

    The menu paths come from ``labkit/owndata/platform_guides.yaml``; they were
    written from public documentation and are marked with the date they were
    last checked. Platforms move menus often: trust what the app shows.
    """
    lang = i18n.get_language()
    guides = []
    for g in _load_guides():
        guides.append(
            Guide(
                platform=g["platform"],
                title=g["title"][lang],
                steps=tuple(g["steps"][lang]),
                files=tuple(f[lang] for f in g.get("files", [])),
                notes=tuple(g.get("notes", {}).get(lang, [])),
                source=str(g.get("source", "")),
                last_checked=str(g.get("last_checked", "")),
                verified_in_app=bool(g.get("verified_in_app", False)),
            )
        )
    if platform is None:
        return Guides(guides)
    for g in guides:
        if g.platform == platform:
            return g
    raise LabkitError(
        "owndata.unknown_platform", platform=platform, known=", ".join(schema.PLATFORMS)
    )


i18n.register(
    {
        "owndata.unknown_platform": {
            "id": "Platform '{platform}' tidak dikenal. Yang ada: {known}.",
            "en": "Unknown platform '{platform}'. Known: {known}.",
        },
        "owndata.guide_files": {
            "id": "Berkas yang didapat: {files}",
            "en": "Files you get: {files}",
        },
        "owndata.guide_unverified": {
            "id": "Jalur menu ditulis dari dokumentasi publik ({source}), terakhir diperbarui {date}; BELUM dicek langsung di aplikasi. Menu platform sering berubah: ikuti yang tampil di aplikasi Anda.",
            "en": "Menu path written from public documentation ({source}), last updated {date}; NOT checked inside the app. Platform menus change often: follow what your app shows.",
        },
        "owndata.guide_verified": {
            "id": "Jalur menu dicek langsung di aplikasi pada {date} ({source}). Menu platform bisa berubah sesudahnya.",
            "en": "Menu path checked inside the app on {date} ({source}). Platform menus may have changed since.",
        },
    }
)
