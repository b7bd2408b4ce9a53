"""What exports cannot give: the account inventory and comments copied by hand.

Platform exports carry posts and daily numbers, but not the profile itself
(bio, link, contact, verification badge, Page or personal profile, which unit
runs the account) and, for most platforms, not the comments. The trainee adds
them through two templates (XLSX or CSV) or the inventory form
(:mod:`labkit.widgets.inventory`); all three go through the same row parser
here, so a value is read the same way wherever it was typed. A third template
lists the accounts found by searching each platform for the agency's name
(:func:`write_search_template`), where the audit looks for impostors.

>>> from labkit.ingest import inventory
>>> inventory.write_inventory_template("inventaris_akun.xlsx")      # doctest: +SKIP
>>> tables = inventory.read_inventory("inventaris_akun.xlsx")       # doctest: +SKIP
>>> tables["accounts"], tables["agencies"]                          # doctest: +SKIP

Bad input raises :class:`TemplateError` naming the file, the spreadsheet row
(row 1 is the header), the column as written in the file, and the fix.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pandas as pd

from labkit import i18n, schema, values
from labkit.errors import ExportReadError, warn
from labkit.ingest.sniff import sniff
from labkit.ingest.source import file_member
from labkit.values import normalize_handle

PathLike = str | os.PathLike[str]


class TemplateError(ExportReadError):
    """A filled-in inventory or comments template cannot be read."""


# ---------------------------------------------------------------------------- fields


@dataclass(frozen=True)
class Field:
    """One column of a template: what the trainee sees (headers, help, example).

    What the column *is* (its type, meaning and allowed values) is not restated
    here: it comes from the canonical table in :mod:`labkit.schema` (``table``,
    ``column``); template-only columns (the agency's name, from which the
    agency id is made) are text. :attr:`kind` names the parser, derived from
    the schema column.
    """

    column: str
    id: str
    en: str
    help_id: str
    help_en: str
    example: str = ""
    required: bool = False
    aliases: tuple[str, ...] = ()
    table: str = ""

    @property
    def schema_column(self) -> schema.Column | None:
        """The canonical column this field fills (None for a template-only column)."""
        try:
            return schema.table(self.table).column(self.column)
        except KeyError:
            return None

    @property
    def type(self) -> str:
        """Schema type (``string``, ``category``, ``int``, ``bool``, ``timestamp``...)."""
        c = self.schema_column
        return c.type if c is not None else "string"

    @property
    def meaning(self) -> str:
        """What the column holds, as the schema says (English)."""
        c = self.schema_column
        return c.meaning if c is not None else ""

    @property
    def allowed(self) -> tuple[str, ...]:
        """The schema's vocabulary of a category column (``()`` otherwise)."""
        c = self.schema_column
        return c.values if c is not None else ()

    @property
    def kind(self) -> str:
        """The parser: ``platform``, ``handle``, ``text``, ``url``, ``bool``,
        ``profile_type``, ``tz``, ``count``, ``time``, ``agency_kind``, ``post``."""
        c = self.schema_column
        if c is None:
            return "text"
        if (self.table, self.column) == ("comments", "post_id"):
            return "post"  # an id or the post's link
        if c.kind in ("handle", "url"):
            return c.kind
        if c.type == "category":
            return _CATEGORY_KINDS[c.name]
        return _TYPE_KINDS.get(c.type, "text")

    def header(self, lang: str | None = None) -> str:
        """Header text in ``lang`` (default: the current language)."""
        return self.id if (lang or i18n.get_language()) == "id" else self.en

    def help(self, lang: str | None = None) -> str:
        """Help text in ``lang`` (default: the current language)."""
        return self.help_id if (lang or i18n.get_language()) == "id" else self.help_en


_TYPE_KINDS = {"bool": "bool", "int": "count", "timestamp": "time"}
_CATEGORY_KINDS = {
    "platform": "platform",
    "tz": "tz",
    "profile_type": "profile_type",
    "kind": "agency_kind",
}


def _fields(table: str, *fields: Field) -> tuple[Field, ...]:
    """The fields of a template sheet filling canonical table ``table``."""
    names = set(schema.table(table).names)
    for f in fields:  # a misspelt column would silently become template-only text
        assert f.column in names or f.column in ("agency", "query_agency"), f.column
    return tuple(replace(f, table=table) for f in fields)


ACCOUNT_FIELDS: tuple[Field, ...] = _fields(
    "accounts",
    Field(
        "platform",
        "Platform",
        "Platform",
        "Facebook, Instagram, X, TikTok atau YouTube.",
        "Facebook, Instagram, X, TikTok or YouTube.",
        "Instagram",
        True,
    ),
    Field(
        "account",
        "Akun",
        "Account",
        "Nama akun (handle) tanpa @, atau tautan profilnya.",
        "The handle without @, or the profile link.",
        "diskominfo_contoh",
        True,
        ("handle", "username", "nama akun"),
    ),
    Field(
        "display_name",
        "Nama tampilan",
        "Display name",
        "Nama yang tampil di profil, persis seperti di aplikasi.",
        "The name shown on the profile, exactly as in the app.",
        "Diskominfo Kota Contoh",
    ),
    Field(
        "agency",
        "Instansi",
        "Agency",
        "Nama lengkap instansi pemilik akun.",
        "Full name of the agency that owns the account.",
        "Dinas Komunikasi dan Informatika Kota Contoh",
        True,
        ("agency_id", "agency name"),
    ),
    Field(
        "unit",
        "Unit",
        "Unit",
        "Unit di instansi yang mengelola akun (misalnya Humas).",
        "Unit within the agency that runs it (e.g. Humas).",
        "Humas",
    ),
    Field(
        "bio",
        "Bio",
        "Bio",
        "Teks bio profil. Kosongkan jika profil tidak punya bio.",
        "The profile's bio text. Leave empty if there is none.",
        "Akun resmi Diskominfo Kota Contoh. Layanan informasi publik.",
    ),
    Field(
        "link",
        "Tautan di profil",
        "Link in profile",
        "Tautan yang tercantum di profil. Kosongkan jika tidak ada.",
        "The link given on the profile. Leave empty if none.",
        "https://kominfo.contoh.go.id",
    ),
    Field(
        "contact",
        "Kontak di profil",
        "Contact in profile",
        "Kontak resmi di profil (telepon, e-mail, LAPOR!). Kosongkan jika tidak ada.",
        "Official contact on the profile (phone, e-mail, LAPOR!). Leave empty if none.",
        "humas@contoh.go.id",
    ),
    Field(
        "verified",
        "Terverifikasi",
        "Verified",
        "Ada lencana verifikasi (centang)? ya atau tidak.",
        "Has the verification badge? yes or no.",
        "ya",
        False,
        ("centang biru", "verifikasi"),
    ),
    Field(
        "profile_type",
        "Jenis akun",
        "Account type",
        "halaman (akun organisasi/Page) atau pribadi (profil perorangan).",
        "page (organisation/Page) or personal (a person's profile).",
        "halaman",
        False,
        ("jenis profil", "profile type", "page atau profil"),
    ),
    Field(
        "tz",
        "Zona waktu",
        "Time zone",
        "WIB, WITA atau WIT.",
        "WIB, WITA or WIT.",
        "WIB",
        False,
        ("zona", "timezone", "time zone"),
    ),
    Field(
        "followers",
        "Pengikut",
        "Followers",
        "Jumlah pengikut/pelanggan saat ini (boleh kosong).",
        "Followers/subscribers now (may be empty).",
        "12400",
        False,
        ("subscribers", "pelanggan"),
    ),
    Field(
        "created_at",
        "Tanggal dibuat",
        "Created on",
        "Tanggal akun dibuat, HH/BB/TTTT (boleh kosong).",
        "Date the account was created, DD/MM/YYYY (may be empty).",
        "15/03/2016",
        False,
        ("dibuat", "created", "created at"),
    ),
)

AGENCY_FIELDS: tuple[Field, ...] = _fields(
    "agencies",
    Field(
        "name",
        "Nama instansi",
        "Agency name",
        "Nama lengkap instansi, sama dengan kolom Instansi di lembar akun.",
        "Full agency name, the same as the Agency column of the accounts sheet.",
        "Dinas Komunikasi dan Informatika Kota Contoh",
        True,
        ("instansi", "agency", "name"),
    ),
    Field(
        "short_name",
        "Singkatan",
        "Short name",
        "Singkatan atau nama pendek.",
        "Acronym or short name.",
        "Diskominfo Contoh",
    ),
    Field(
        "kind",
        "Jenis instansi",
        "Kind of agency",
        "Misalnya: diskominfo kota, kanwil, rsud, bpbd, lembaga (boleh kosong).",
        "For example: diskominfo kota, kanwil, rsud, bpbd, lembaga (may be empty).",
        "diskominfo kota",
    ),
    Field(
        "region",
        "Wilayah",
        "Region",
        "Provinsi/kabupaten/kota yang dilayani.",
        "Province/regency/city served.",
        "Kota Contoh",
    ),
    Field(
        "tz",
        "Zona waktu",
        "Time zone",
        "WIB, WITA atau WIT.",
        "WIB, WITA or WIT.",
        "WIB",
        False,
        ("zona", "timezone"),
    ),
    Field(
        "website",
        "Situs web",
        "Website",
        "Situs web resmi.",
        "Official website.",
        "https://kominfo.contoh.go.id",
        False,
        ("website", "situs"),
    ),
    Field(
        "official_email",
        "E-mail resmi",
        "Official e-mail",
        "E-mail resmi instansi (tidak disamarkan: bukan data pribadi).",
        "Official agency e-mail (kept unmasked: not personal data).",
        "humas@contoh.go.id",
        False,
        ("email", "e-mail"),
    ),
    Field(
        "official_phone",
        "Telepon resmi",
        "Official phone",
        "Nomor telepon/WhatsApp resmi instansi (tidak disamarkan).",
        "Official phone/WhatsApp number (kept unmasked).",
        "0211234567",
        False,
        ("telepon", "phone", "whatsapp"),
    ),
)

COMMENT_FIELDS: tuple[Field, ...] = _fields(
    "comments",
    Field(
        "platform",
        "Platform",
        "Platform",
        "Facebook, Instagram, X, TikTok atau YouTube.",
        "Facebook, Instagram, X, TikTok or YouTube.",
        "Instagram",
        True,
    ),
    Field(
        "account",
        "Akun instansi",
        "Agency account",
        "Akun instansi tempat komentar ditulis (tanpa @).",
        "The agency account the comment was written on (without @).",
        "diskominfo_contoh",
        True,
        ("akun", "account"),
    ),
    Field(
        "post_id",
        "Unggahan",
        "Post",
        "ID unggahan dari berkas ekspor, atau tautan unggahan.",
        "The post id from the export file, or the post's link.",
        "https://www.instagram.com/p/ABC123/",
        True,
        ("post", "post id", "id unggahan", "tautan unggahan"),
    ),
    Field(
        "comment_id",
        "ID komentar",
        "Comment id",
        "Boleh kosong; labkit membuat ID sendiri.",
        "May be empty; labkit makes one.",
        "",
    ),
    Field(
        "author",
        "Penulis",
        "Author",
        "Akun penulis komentar (akan disamarkan).",
        "The commenter's handle (it will be pseudonymised).",
        "warga_contoh",
        False,
        ("penulis komentar", "akun penulis"),
    ),
    Field(
        "created_at",
        "Waktu komentar",
        "Comment time",
        "Tanggal dan jam komentar, HH/BB/TTTT JJ:MM, waktu setempat.",
        "Date and time of the comment, DD/MM/YYYY HH:MM, local time.",
        "05/03/2026 09:15",
        True,
        ("waktu", "tanggal", "created", "time"),
    ),
    Field(
        "text",
        "Isi komentar",
        "Comment text",
        "Teks komentar apa adanya (data pribadi akan disamarkan saat impor).",
        "The comment text as it is (personal data are masked on import).",
        "Kapan pendaftaran dibuka?",
        True,
        ("komentar", "comment", "text"),
    ),
    Field(
        "likes",
        "Suka",
        "Likes",
        "Jumlah suka pada komentar (boleh kosong).",
        "Likes on the comment (may be empty).",
        "3",
    ),
    Field(
        "replied_at",
        "Waktu dibalas",
        "Replied at",
        "Kapan instansi pertama membalas; kosongkan jika belum dibalas.",
        "When the agency first replied; empty if never.",
        "05/03/2026 10:02",
        False,
        ("dibalas", "replied", "waktu balasan"),
    ),
)

#: the accounts found by searching each platform for the agency's name (impostors hide there)
SEARCH_FIELDS: tuple[Field, ...] = _fields(
    "search_results",
    Field(
        "platform",
        "Platform",
        "Platform",
        "Platform tempat Anda mencari: Facebook, Instagram, X, TikTok atau YouTube.",
        "Platform you searched: Facebook, Instagram, X, TikTok or YouTube.",
        "Instagram",
        True,
    ),
    Field(
        "account",
        "Akun",
        "Account",
        "Nama akun (handle) yang muncul di hasil pencarian, tanpa @, atau tautan profilnya. "
        "Tulis semua akun yang memakai nama instansi, termasuk akun resmi.",
        "The handle found in the search results, without @, or its profile link. "
        "List every account using the agency's name, the official ones too.",
        "diskominfo.contoh_resmi",
        True,
        ("handle", "username", "akun ditemukan"),
    ),
    Field(
        "display_name",
        "Nama tampilan",
        "Display name",
        "Nama yang tampil di profil akun itu.",
        "The name shown on that profile.",
        "Diskominfo Kota Contoh",
    ),
    Field(
        "query_agency",
        "Instansi yang dicari",
        "Agency searched for",
        "Nama lengkap instansi yang Anda cari, sama dengan kolom Instansi di inventaris akun.",
        "Full name of the agency you searched for, as in the Agency column of the inventory.",
        "Dinas Komunikasi dan Informatika Kota Contoh",
        True,
        ("query agency id", "instansi dicari", "dicari"),
    ),
    Field(
        "followers",
        "Pengikut",
        "Followers",
        "Jumlah pengikut akun itu (boleh kosong).",
        "Followers of that account (may be empty).",
        "221",
        False,
        ("subscribers", "pelanggan"),
    ),
    Field(
        "created_at",
        "Tanggal dibuat",
        "Created on",
        "Tanggal akun itu dibuat bila terlihat, HH/BB/TTTT (boleh kosong).",
        "Date the account was created if shown, DD/MM/YYYY (may be empty).",
        "25/12/2025",
        False,
        ("dibuat", "created", "created at"),
    ),
    Field(
        "verified",
        "Terverifikasi",
        "Verified",
        "Ada lencana verifikasi (centang)? ya atau tidak.",
        "Has the verification badge? yes or no.",
        "tidak",
        False,
        ("centang biru", "verifikasi"),
    ),
)

#: sheet names of the XLSX templates, per language and table
SHEETS = {
    "accounts": {"id": "akun", "en": "accounts"},
    "agencies": {"id": "instansi", "en": "agencies"},
    "comments": {"id": "komentar", "en": "comments"},
    "search_results": {"id": "hasil_pencarian", "en": "search_results"},
    "help": {"id": "petunjuk", "en": "instructions"},
}

_FIELDS = {
    "accounts": ACCOUNT_FIELDS,
    "agencies": AGENCY_FIELDS,
    "comments": COMMENT_FIELDS,
    "search_results": SEARCH_FIELDS,
}


# ---------------------------------------------------------------------------- value parsers


class _BadValue(values.ValueParseError):
    """A template value could not be read; ``fix`` is a catalogue key, ``params`` its values."""

    def __init__(self, fix: str, **params: Any) -> None:
        super().__init__(fix)
        self.params = params


_PLATFORM_ALIASES = {
    "facebook": "facebook", "fb": "facebook", "meta": "facebook", "halaman facebook": "facebook",
    "instagram": "instagram", "ig": "instagram", "insta": "instagram",
    "x": "x", "twitter": "x", "x (twitter)": "x", "twitter/x": "x", "x/twitter": "x",
    "tiktok": "tiktok", "tik tok": "tiktok",
    "youtube": "youtube", "yt": "youtube", "you tube": "youtube",
}  # fmt: skip
#: how the templates write the schema's platforms and profile types
PLATFORM_LABELS = {"facebook": "Facebook", "instagram": "Instagram", "x": "X",
                   "tiktok": "TikTok", "youtube": "YouTube"}  # fmt: skip
PROFILE_LABELS = {
    "id": {"page": "halaman", "personal": "pribadi"},
    "en": {"page": "page", "personal": "personal"},
}
_HOST_PLATFORM = {
    "facebook.com": "facebook", "fb.com": "facebook", "instagram.com": "instagram",
    "x.com": "x", "twitter.com": "x", "tiktok.com": "tiktok", "youtube.com": "youtube",
}  # fmt: skip
_PAGE = {"page", "halaman", "halaman (page)", "organisasi", "lembaga", "instansi", "bisnis",
         "business", "profesional", "professional", "kreator", "creator", "kanal", "channel"}  # fmt: skip
_PERSONAL = {"personal", "pribadi", "profil", "profile", "profil pribadi", "perorangan",
             "personal profile", "akun pribadi"}  # fmt: skip
_TZ_ALIASES = {
    "wib": "WIB", "asia/jakarta": "WIB", "asia/pontianak": "WIB", "utc+7": "WIB",
    "gmt+7": "WIB", "+07:00": "WIB", "+7": "WIB",
    "wita": "WITA", "asia/makassar": "WITA", "utc+8": "WITA", "gmt+8": "WITA",
    "+08:00": "WITA", "+8": "WITA",
    "wit": "WIT", "asia/jayapura": "WIT", "utc+9": "WIT", "gmt+9": "WIT",
    "+09:00": "WIT", "+9": "WIT",
}  # fmt: skip
_KIND_ALIASES = {
    "kementerian": "kementerian_unit", "kementerian unit": "kementerian_unit",
    "kanwil": "kanwil", "kantor wilayah": "kanwil",
    "kantor imigrasi": "kantor_imigrasi", "imigrasi": "kantor_imigrasi",
    "diskominfo provinsi": "diskominfo_provinsi", "diskominfo kabupaten": "diskominfo_kabupaten",
    "diskominfo kota": "diskominfo_kota", "rsud": "rsud", "rumah sakit": "rsud",
    "dinas kesehatan": "dinas_kesehatan", "dinkes": "dinas_kesehatan",
    "dinas dukcapil": "dinas_dukcapil", "dukcapil": "dinas_dukcapil",
    "bpbd": "bpbd", "lembaga": "lembaga",
}  # fmt: skip
_TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H.%M", "%d/%m/%Y",
    "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y", "%d.%m.%Y %H:%M", "%d.%m.%Y",
)  # fmt: skip
_HANDLE_RE = re.compile(r"^[\w.\-]+$", re.UNICODE)


_norm = values.normalize_word
_blank = values.is_blank


def parse_platform(value: str) -> str:
    """``"IG"``, ``"Twitter"``, ``"https://www.tiktok.com/@x"`` -> a PLATFORMS value."""
    key = _norm(value)
    if key in _PLATFORM_ALIASES:
        return _PLATFORM_ALIASES[key]
    host = urlparse(key if "//" in key else "//" + key).netloc.removeprefix("www.")
    host = host.removeprefix("m.")
    if host in _HOST_PLATFORM:
        return _HOST_PLATFORM[host]
    raise _BadValue("inventory.fix_platform")


def parse_handle(value: str) -> tuple[str, str | None]:
    """A handle or profile link -> (lowercase handle without '@', platform from link or None)."""
    raw = unicodedata.normalize("NFKC", value).strip()
    platform = None
    if "/" in raw or raw.lower().startswith(("http", "www.")):
        url = urlparse(raw if "//" in raw else "//" + raw)
        host = url.netloc.lower().removeprefix("www.").removeprefix("m.")
        platform = _HOST_PLATFORM.get(host)
        parts = [p for p in url.path.split("/") if p]
        if platform == "facebook" and parts[:1] == ["profile.php"]:
            ids = parse_qs(url.query).get("id", [])
            parts = ids[:1]
        elif platform == "youtube" and parts[:1] in (["channel"], ["c"], ["user"]):
            parts = parts[1:2]
        if not parts:
            raise _BadValue("inventory.fix_handle")
        raw = parts[0]
    handle = normalize_handle(raw)
    if not handle or not _HANDLE_RE.match(handle):
        raise _BadValue("inventory.fix_handle")
    return handle, platform


def parse_profile_type(value: str) -> str:
    """``halaman``/``page`` -> ``"page"``; ``pribadi``/``personal`` -> ``"personal"``."""
    key = _norm(value)
    if key in _PAGE:
        return "page"
    if key in _PERSONAL:
        return "personal"
    raise _BadValue("inventory.fix_profile_type")


def parse_tz(value: str) -> str:
    """``WIB``/``Asia/Jakarta``/``UTC+7`` -> ``"WIB"`` (a key of schema.TIMEZONES)."""
    key = _norm(value).replace(" ", "")
    if key in _TZ_ALIASES:
        return _TZ_ALIASES[key]
    raise _BadValue("inventory.fix_tz")


def tz_code(tz: str) -> str:
    """Zone code (``WIB``) for an IANA name or a code; LabkitError if unknown."""
    try:
        return parse_tz(tz)
    except _BadValue:
        raise TemplateError(
            "inventory.bad_tz_argument", tz=tz, known=", ".join(schema.TIMEZONES)
        ) from None


def parse_time(value: Any, tz: str) -> pd.Timestamp:
    """A local date/time (DD/MM/YYYY [HH:MM], ISO, or a spreadsheet datetime) -> UTC."""
    zone = schema.TIMEZONES.get(tz, tz)
    if isinstance(value, (datetime, pd.Timestamp)):
        ts = pd.Timestamp(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        ts = None
        for fmt in _TIME_FORMATS:
            try:
                ts = pd.Timestamp(datetime.strptime(text, fmt))
                break
            except ValueError:
                continue
        if ts is None:
            try:
                parsed = datetime.fromisoformat(text)
            except ValueError:
                raise _BadValue("inventory.fix_time") from None
            ts = pd.Timestamp(parsed)
    if ts.tzinfo is None:
        ts = ts.tz_localize(zone)
    return ts.tz_convert("UTC")


def parse_url(value: str) -> str:
    """A link as typed; ``https://`` is added to a bare domain."""
    text = value.strip()
    if " " in text:
        raise _BadValue("inventory.fix_url")
    if "://" not in text:
        if "." not in text:
            raise _BadValue("inventory.fix_url")
        text = "https://" + text
    return text


def parse_agency_kind(value: str) -> str:
    """``"diskominfo kota"`` or ``"diskominfo_kota"`` -> an AGENCY_KINDS value."""
    key = _norm(value).replace("_", " ")
    code = key.replace(" ", "_")
    if code in schema.AGENCY_KINDS:
        return code
    if key in _KIND_ALIASES:
        return _KIND_ALIASES[key]
    raise _BadValue("inventory.fix_kind", allowed=", ".join(schema.AGENCY_KINDS))


def agency_id(name: str) -> str:
    """A stable id for an agency name: lowercase words joined by '-'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug or "instansi"


# ---------------------------------------------------------------------------- reading files


def read_rows(path: PathLike) -> dict[str, pd.DataFrame]:
    """Read a CSV or XLSX file as text cells: ``{sheet name: frame}``.

    CSV files may be UTF-8 (with or without BOM), UTF-16 or Windows-1252,
    separated by ``,``, ``;`` or tabs. Every cell is text (IDs are never turned
    into numbers); spreadsheet dates stay datetimes.
    """
    p = Path(path)
    if not p.exists():
        raise TemplateError("inventory.no_file", file=str(p))
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            sheets = pd.read_excel(p, sheet_name=None, dtype=object, engine="openpyxl")
        except Exception as exc:  # openpyxl raises many kinds on a broken file
            raise TemplateError("inventory.unreadable", file=p.name, reason=str(exc)[:200]) from exc
        return {str(k): v for k, v in sheets.items()}
    if suffix in (".csv", ".txt", ".tsv"):
        return {p.stem: _read_csv(p)}
    raise TemplateError("inventory.bad_suffix", file=p.name)


def _read_csv(p: Path) -> pd.DataFrame:
    """A CSV template as text cells, sniffed as the export readers sniff (:mod:`.sniff`)."""
    try:
        sn = sniff(file_member(p, p.name))
    except ExportReadError as exc:  # empty, binary, old Excel: say it as the readers do
        raise TemplateError(exc.key, **exc.params) from None
    if sn.kind == "xlsx":
        raise TemplateError("inventory.bad_suffix", file=p.name)
    try:
        df = pd.read_csv(
            p,
            sep=sn.delimiter,
            encoding=sn.encoding,
            skiprows=sn.header_index,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
        )
    except (pd.errors.ParserError, csv.Error, UnicodeDecodeError) as exc:
        raise TemplateError("inventory.unreadable", file=p.name, reason=str(exc)[:200]) from exc
    return df


def _header_map(fields: Iterable[Field]) -> dict[str, Field]:
    out: dict[str, Field] = {}
    for f in fields:
        for name in (f.id, f.en, f.column, *f.aliases):
            out[_header_key(name)] = f
    return out


def _header_key(header: Any) -> str:
    text = re.sub(r"\(.*?\)", "", str(header)).replace("*", "").replace("_", " ")
    return _norm(text)


def _match_columns(
    df: pd.DataFrame, fields: tuple[Field, ...], table: str, file: str
) -> dict[str, str]:
    """Map field column -> header in the file; TemplateError if a required one is absent."""
    lookup = _header_map(fields)
    found: dict[str, str] = {}
    ignored = []
    for header in df.columns:
        f = lookup.get(_header_key(header))
        if f is None or f.column in found:
            if not str(header).startswith("Unnamed"):
                ignored.append(str(header))
            continue
        found[f.column] = str(header)
    missing = [f.header() for f in fields if f.required and f.column not in found]
    if missing:
        raise TemplateError(
            "inventory.missing_columns",
            file=file,
            table=i18n.t(f"inventory.table_{table}"),
            columns=", ".join(missing),
            expected=", ".join(f.header() for f in fields),
        )
    if ignored:
        warn("inventory.ignored_columns", file=file, columns=", ".join(ignored), stacklevel=3)
    return found


def _parse_rows(
    df: pd.DataFrame,
    fields: tuple[Field, ...],
    table: str,
    file: str,
    *,
    tz: str,
    first_row: int = 2,
) -> list[dict[str, Any]]:
    """Parse text cells into canonical values, row by row."""
    cols = _match_columns(df, fields, table, file)
    by_col = {f.column: f for f in fields}
    records = []
    for i, (_, row) in enumerate(df.iterrows()):
        cells = {c: row[h] for c, h in sorted(cols.items(), key=lambda kv: kv[0] != "tz")}
        if all(_blank(v) for v in cells.values()):
            continue
        rownum = i + first_row
        rec: dict[str, Any] = {"_row": rownum}
        for column, value in cells.items():
            f = by_col[column]
            if _blank(value):
                if f.required:
                    raise TemplateError(
                        "inventory.empty_required",
                        file=file,
                        row=rownum,
                        column=cols[column],
                        fix=f.help(),
                    )
                rec[column] = None
                continue
            try:
                rec[column] = _parse_value(f.kind, value, tz=rec.get("tz") or tz)
            except values.ValueParseError as bad:
                params = getattr(bad, "params", {})
                raise TemplateError(
                    "inventory.bad_value",
                    file=file,
                    row=rownum,
                    column=cols[column],
                    value=str(value)[:80],
                    fix=i18n.t(bad.fix, **params),
                ) from None
        records.append(rec)
    return records


def _parse_value(kind: str, value: Any, *, tz: str) -> Any:
    if kind == "platform":
        return parse_platform(str(value))
    if kind == "handle":
        return parse_handle(str(value))
    if kind == "bool":
        return values.parse_bool(value)
    if kind == "profile_type":
        return parse_profile_type(str(value))
    if kind == "tz":
        return parse_tz(str(value))
    if kind == "count":
        return None if values.is_count_blank(value) else values.parse_count(value)
    if kind == "time":
        return parse_time(value, tz)
    if kind == "url":
        return parse_url(str(value))
    if kind == "agency_kind":
        return parse_agency_kind(str(value))
    if kind == "post":
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if isinstance(value, float) and value == int(value):
            text = str(int(value))
        return text
    return unicodedata.normalize("NFC", str(value)).strip()


# ---------------------------------------------------------------------------- building tables


def accounts_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    source: str,
    tz: str = "WIB",
    agencies: Iterable[Mapping[str, Any]] = (),
) -> dict[str, pd.DataFrame]:
    """Canonical ``accounts`` and ``agencies`` tables from parsed inventory rows.

    Parameters
    ----------
    records : iterable of mapping
        One mapping per account with the :data:`ACCOUNT_FIELDS` columns as
        parsed values (``account`` may be a ``(handle, platform)`` pair).
    source : str
        File or form name, used in error messages.
    tz : str
        Zone code or IANA name used where a row gives none.
    agencies : iterable of mapping
        Parsed :data:`AGENCY_FIELDS` rows (the agencies sheet), if any.

    Raises
    ------
    TemplateError
        Duplicate accounts, or a platform that contradicts the profile link.
    """
    default_tz = tz_code(tz)
    agency_rows = {agency_id(a["name"]): dict(a) for a in agencies if a.get("name")}
    rows = []
    seen: dict[tuple[str, str], Any] = {}
    for rec in records:
        rownum = rec.get("_row", "-")
        handle, link_platform = rec["account"]
        platform = rec["platform"]
        if link_platform and link_platform != platform:
            raise TemplateError(
                "inventory.platform_conflict",
                file=source,
                row=rownum,
                handle=handle,
                platform=platform,
                link_platform=link_platform,
            )
        key = (platform, handle)
        if key in seen:
            raise TemplateError(
                "inventory.duplicate_account",
                file=source,
                row=rownum,
                first=seen[key],
                platform=platform,
                handle=handle,
            )
        seen[key] = rownum
        aid = agency_id(rec["agency"])
        row_tz = rec.get("tz") or agency_rows.get(aid, {}).get("tz") or default_tz
        agency_rows.setdefault(aid, {"name": rec["agency"], "tz": row_tz})
        rows.append(
            {
                "platform": platform,
                "account": handle,
                "agency_id": aid,
                "unit": rec.get("unit"),
                "display_name": rec.get("display_name"),
                "bio": rec.get("bio"),
                "link": rec.get("link"),
                "contact": rec.get("contact"),
                "verified": rec.get("verified"),
                "profile_type": rec.get("profile_type"),
                "created_at": rec.get("created_at"),
                "followers": rec.get("followers"),
                "tz": row_tz,
            }
        )
    accounts = pd.DataFrame(rows, columns=schema.ACCOUNTS.names)
    accounts["created_at"] = pd.to_datetime(accounts["created_at"], utc=True)
    agencies_df = pd.DataFrame(
        [
            {
                "agency_id": aid,
                "name": a["name"],
                "short_name": a.get("short_name"),
                "kind": a.get("kind"),
                "region": a.get("region"),
                "tz": a.get("tz") or default_tz,
                "website": a.get("website"),
                "official_email": a.get("official_email"),
                "official_phone": a.get("official_phone"),
            }
            for aid, a in agency_rows.items()
        ],
        columns=schema.AGENCIES.names,
    )
    return {
        "accounts": schema.conform(accounts, "accounts", source=source),
        "agencies": schema.conform(agencies_df, "agencies", source=source),
    }


def inventory_from_rows(
    accounts: Iterable[Mapping[str, Any]],
    agencies: Iterable[Mapping[str, Any]] = (),
    *,
    source: str,
    tz: str = "Asia/Jakarta",
) -> dict[str, pd.DataFrame]:
    """Canonical ``accounts``/``agencies`` from rows of typed text (the form's input).

    Each row maps field columns (``platform``, ``account``, ``agency``...) to
    text exactly as typed; the values go through the same parser as a
    template file, and errors name ``source`` and the row (first row = 1).
    """
    zone = tz_code(tz)
    acc = _typed_frame(accounts, ACCOUNT_FIELDS)
    ags = _typed_frame(agencies, AGENCY_FIELDS)
    parsed_ag = _parse_rows(ags, AGENCY_FIELDS, "agencies", source, tz=zone, first_row=1)
    parsed = _parse_rows(acc, ACCOUNT_FIELDS, "accounts", source, tz=zone, first_row=1)
    return accounts_from_records(parsed, source=source, tz=zone, agencies=parsed_ag)


def _typed_frame(rows: Iterable[Mapping[str, Any]], fields: tuple[Field, ...]) -> pd.DataFrame:
    """Rows keyed by column -> a frame headed by the labels the trainee sees."""
    records = [[r.get(f.column) for f in fields] for r in rows]
    return pd.DataFrame(records, columns=[f.header() for f in fields], dtype=object)


def _pick_sheets(sheets: dict[str, pd.DataFrame], file: str) -> dict[str, pd.DataFrame]:
    """Which sheet holds which table, by sheet name or, failing that, by headers."""
    names = {v: table for table, langs in SHEETS.items() for v in langs.values()}
    picked: dict[str, pd.DataFrame] = {}
    for sheet, df in sheets.items():
        table = names.get(_norm(sheet))
        if table is None:
            table = _guess_table(df)
        if table and table != "help" and table not in picked:
            picked[table] = df
    return picked


def _template_sheets(path: PathLike, kind: str, fields) -> tuple[str, dict]:
    """Read a filled-in template: its file name and sheets, with ``kind``'s sheet present.

    Raises
    ------
    TemplateError
        ``inventory.no_sheet`` naming the sheet and its required headers.
    """
    file = Path(path).name
    sheets = _pick_sheets_for(read_rows(path), file, kind)
    if kind not in sheets:
        raise TemplateError(
            "inventory.no_sheet",
            file=file,
            sheet=SHEETS[kind]["id"],
            expected=", ".join(f.header() for f in fields if f.required),
        )
    return file, sheets


def _pick_sheets_for(
    sheets: dict[str, pd.DataFrame], file: str, table: str
) -> dict[str, pd.DataFrame]:
    """Like :func:`_pick_sheets`; a file with one sheet is taken as ``table``.

    So a CSV with a misspelt header gets "column X is missing", not "no sheet".
    """
    picked = _pick_sheets(sheets, file)
    if table not in picked and len(sheets) == 1:
        picked[table] = next(iter(sheets.values()))
    return picked


def _guess_table(df: pd.DataFrame) -> str | None:
    keys = {_header_key(h) for h in df.columns}
    scores = {}
    for table, fields in _FIELDS.items():
        required = [f for f in fields if f.required]
        lookup = _header_map(fields)
        hits = {lookup[k].column for k in keys if k in lookup}
        if all(f.column in hits for f in required):
            scores[table] = len(hits)
    if "comments" in scores:
        return "comments"
    return max(scores, key=lambda t: scores[t]) if scores else None


def template_kind(path: PathLike) -> str | None:
    """``"inventory"``, ``"comments"``, ``"search_results"`` or ``None``: a filled-in template?"""
    try:
        sheets = _pick_sheets(read_rows(path), Path(path).name)
    except TemplateError:
        return None
    if "comments" in sheets:
        return "comments"
    if "accounts" in sheets:
        return "inventory"
    if "search_results" in sheets:
        return "search_results"
    return None


def read_inventory(path: PathLike, *, tz: str = "Asia/Jakarta") -> dict[str, pd.DataFrame]:
    """Read a filled-in account inventory template (XLSX or CSV).

    Parameters
    ----------
    path : path-like
        The file written by :func:`write_inventory_template`, filled in. Headers
        may be Indonesian, English or the canonical column names.
    tz : str
        Zone for rows that give none (``"Asia/Jakarta"`` or ``"WIB"``...).

    Returns
    -------
    dict
        ``{"accounts": DataFrame, "agencies": DataFrame}``, canonical tables.

    Raises
    ------
    TemplateError
        Naming the file, row, column and the fix.
    """
    file, sheets = _template_sheets(path, "accounts", ACCOUNT_FIELDS)
    default = tz_code(tz)
    agencies = []
    if "agencies" in sheets:
        agencies = _parse_rows(sheets["agencies"], AGENCY_FIELDS, "agencies", file, tz=default)
    records = _parse_rows(sheets["accounts"], ACCOUNT_FIELDS, "accounts", file, tz=default)
    return accounts_from_records(records, source=file, tz=default, agencies=agencies)


def read_comments_template(path: PathLike, *, tz: str = "Asia/Jakarta") -> pd.DataFrame:
    """Read a filled-in comments template as the canonical ``comments`` table.

    Times are read as local times in ``tz``. A missing comment id is made from
    the row's content (stable across re-imports). Comments are NOT masked
    here; :func:`labkit.owndata.import_own_data` masks them before saving.

    Raises
    ------
    TemplateError
        Naming the file, row, column and the fix.
    """
    file, sheets = _template_sheets(path, "comments", COMMENT_FIELDS)
    zone = tz_code(tz)
    records = _parse_rows(sheets["comments"], COMMENT_FIELDS, "comments", file, tz=zone)
    rows = []
    seen: dict[tuple[str, str], int] = {}
    for rec in records:
        handle, link_platform = rec["account"]
        author = rec["author"][0] if rec.get("author") else None
        if rec.get("replied_at") is not None and rec["replied_at"] < rec["created_at"]:
            raise TemplateError(
                "inventory.reply_before_comment",
                file=file,
                row=rec["_row"],
                column=_header_of(sheets["comments"], "replied_at"),
            )
        cid = rec.get("comment_id") or _comment_id(rec, handle, author)
        key = (rec["platform"], cid)
        if key in seen:
            raise TemplateError(
                "inventory.duplicate_comment",
                file=file,
                row=rec["_row"],
                first=seen[key],
            )
        seen[key] = rec["_row"]
        rows.append(
            {
                "platform": rec["platform"],
                "account": handle,
                "post_id": rec["post_id"],
                "comment_id": cid,
                "author": author,
                "created_at": rec["created_at"],
                "text": rec["text"],
                "likes": rec.get("likes"),
                "replied_at": rec.get("replied_at"),
            }
        )
    df = pd.DataFrame(rows, columns=schema.COMMENTS.names)
    for col in ("created_at", "replied_at"):
        df[col] = pd.to_datetime(df[col], utc=True)
    return schema.conform(df, "comments", source=file)


def read_search_results(path: PathLike, *, tz: str = "Asia/Jakarta") -> pd.DataFrame:
    """Read a filled-in search-results template as the canonical ``search_results`` table.

    The trainee searches each platform for the agency's name and lists every
    account found (official ones too); the audit looks for impostors among
    them. ``Instansi yang dicari`` becomes ``query_agency_id`` the same way the
    inventory makes agency ids from names (:func:`agency_id`), so both match.

    Raises
    ------
    TemplateError
        Naming the file, row, column and the fix (also for an account listed twice).
    """
    file, sheets = _template_sheets(path, "search_results", SEARCH_FIELDS)
    zone = tz_code(tz)
    records = _parse_rows(sheets["search_results"], SEARCH_FIELDS, "search_results", file, tz=zone)
    rows = []
    seen: dict[tuple[str, str], Any] = {}
    for rec in records:
        handle, link_platform = rec["account"]
        if link_platform and link_platform != rec["platform"]:
            raise TemplateError(
                "inventory.platform_conflict",
                file=file,
                row=rec["_row"],
                handle=handle,
                platform=rec["platform"],
                link_platform=link_platform,
            )
        key = (rec["platform"], handle)
        if key in seen:
            raise TemplateError(
                "inventory.duplicate_account",
                file=file,
                row=rec["_row"],
                first=seen[key],
                platform=rec["platform"],
                handle=handle,
            )
        seen[key] = rec["_row"]
        rows.append(
            {
                "platform": rec["platform"],
                "account": handle,
                "display_name": rec.get("display_name"),
                "query_agency_id": agency_id(rec["query_agency"]),
                "followers": rec.get("followers"),
                "created_at": rec.get("created_at"),
                "verified": rec.get("verified"),
            }
        )
    df = pd.DataFrame(rows, columns=schema.SEARCH_RESULTS.names)
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    return schema.conform(df, "search_results", source=file)


def _header_of(df: pd.DataFrame, column: str) -> str:
    lookup = _header_map(COMMENT_FIELDS)
    for h in df.columns:
        f = lookup.get(_header_key(h))
        if f is not None and f.column == column:
            return str(h)
    return column


def _comment_id(rec: Mapping[str, Any], handle: str, author: str | None) -> str:
    parts = [rec["platform"], handle, rec["post_id"], author or "", str(rec["created_at"])]
    parts.append(rec["text"])
    return "k" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------- writing templates


def write_inventory_template(path: PathLike, *, lang: str | None = None) -> Path:
    """Write an empty account-inventory template.

    ``.xlsx``: sheets *akun* (accounts), *instansi* (agency) and *petunjuk*
    (what goes in each column, with an example), with drop-down lists for
    platform, verified, account type and time zone. ``.csv``: the accounts
    header only (UTF-8 with BOM so Excel shows accents correctly).

    Returns
    -------
    Path
        The file written.
    """
    return _write_template(path, ["accounts", "agencies"], lang)


def write_comments_template(path: PathLike, *, lang: str | None = None) -> Path:
    """Write an empty template for comments copied out of the platforms.

    Same layout rules as :func:`write_inventory_template`.
    """
    return _write_template(path, ["comments"], lang)


def write_search_template(path: PathLike, *, lang: str | None = None) -> Path:
    """Write an empty template for the accounts found by searching for the agency's name.

    Same layout rules as :func:`write_inventory_template`.
    """
    return _write_template(path, ["search_results"], lang)


def _write_template(path: PathLike, tables: list[str], lang: str | None) -> Path:
    lang = lang or i18n.get_language()
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    suffix = p.suffix.lower()
    if suffix == ".csv":
        headers = [f.header(lang) for f in _FIELDS[tables[0]]]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerow(headers)
        p.write_bytes(buf.getvalue().encode("utf-8-sig"))
        return p
    if suffix != ".xlsx":
        raise TemplateError("inventory.bad_suffix", file=p.name)
    _write_xlsx_template(p, tables, lang)
    return p


def _write_xlsx_template(path: Path, tables: list[str], lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    # drop-down lists: the schema's vocabularies, as a trainee writes them
    choices = {
        "platform": ",".join(PLATFORM_LABELS[p] for p in schema.PLATFORMS),
        "bool": "ya,tidak" if lang == "id" else "yes,no",
        "profile_type": ",".join(PROFILE_LABELS[lang][v] for v in schema.PROFILE_TYPES),
        "tz": ",".join(schema.TIMEZONES),
    }
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for table in tables:
        ws = wb.create_sheet(SHEETS[table][lang])
        fields = _FIELDS[table]
        for j, f in enumerate(fields, start=1):
            cell = ws.cell(row=1, column=j, value=f.header(lang))
            cell.font = bold
            cell.fill = fill
            letter = cell.column_letter
            ws.column_dimensions[letter].width = max(14, min(40, len(f.example) + 4))
            if f.kind in choices:
                dv = DataValidation(type="list", formula1=f'"{choices[f.kind]}"', allow_blank=True)
                dv.add(f"{letter}2:{letter}1000")
                ws.add_data_validation(dv)
            if f.kind in ("handle", "post", "count", "text"):
                for r in range(2, 201):  # text cells: long IDs never become 1.22E+17
                    ws.cell(row=r, column=j).number_format = "@"
        ws.freeze_panes = "A2"
    help_ws = wb.create_sheet(SHEETS["help"][lang])
    head = (
        ("Lembar", "Kolom", "Wajib?", "Isi", "Contoh")
        if lang == "id"
        else ("Sheet", "Column", "Required?", "What to write", "Example")
    )
    help_ws.append(head)
    for c in help_ws[1]:
        c.font = bold
        c.fill = fill
    yes, no = ("ya", "tidak") if lang == "id" else ("yes", "no")
    for table in tables:
        for f in _FIELDS[table]:
            help_ws.append([SHEETS[table][lang], f.header(lang), yes if f.required else no,
                            f.help(lang), f.example])  # fmt: skip
    for letter, width in zip("ABCDE", (12, 22, 9, 70, 40), strict=True):
        help_ws.column_dimensions[letter].width = width
    for row in help_ws.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(path)


def write_filled_inventory(
    tables: Mapping[str, pd.DataFrame], path: PathLike, *, lang: str | None = None
) -> Path:
    """Write canonical ``accounts`` (and ``agencies``) into the template layout.

    The inverse of :func:`read_inventory`, used to make sample files for the
    notebook and to test that the template reads back what it holds.
    """
    lang = lang or i18n.get_language()
    accounts = tables["accounts"]
    agencies = tables.get("agencies")
    names = (
        {} if agencies is None else dict(zip(agencies["agency_id"], agencies["name"], strict=True))
    )
    yes, no = ("ya", "tidak") if lang == "id" else ("yes", "no")
    ptype = PROFILE_LABELS[lang]

    def cell(column: str, value: Any) -> Any:
        if _blank(value):
            return ""
        if column == "verified":
            return yes if bool(value) else no
        if column == "profile_type":
            return ptype[str(value)]
        if column == "created_at":
            return pd.Timestamp(value).strftime("%d/%m/%Y")
        if column == "agency":
            return names.get(value, value)
        return str(value)

    acc_rows = []
    for rec in accounts.to_dict("records"):
        rec = dict(rec, agency=rec["agency_id"])
        if not _blank(rec.get("created_at")):
            zone = schema.TIMEZONES[str(rec["tz"])]
            rec["created_at"] = pd.Timestamp(rec["created_at"]).tz_convert(zone)
        acc_rows.append([cell(f.column, rec.get(f.column)) for f in ACCOUNT_FIELDS])
    sheets = {"accounts": (ACCOUNT_FIELDS, acc_rows)}
    if agencies is not None:
        ag_rows = [
            [cell(f.column, rec.get(f.column)) for f in AGENCY_FIELDS]
            for rec in agencies.to_dict("records")
        ]
        sheets["agencies"] = (AGENCY_FIELDS, ag_rows)
    return _write_filled(path, sheets, lang)


def write_filled_comments(
    comments: pd.DataFrame, path: PathLike, *, tz: str = "Asia/Jakarta", lang: str | None = None
) -> Path:
    """Write a canonical ``comments`` table into the comments template layout (local times)."""
    lang = lang or i18n.get_language()
    zone = schema.TIMEZONES.get(tz, tz)

    def fmt(value: Any) -> str:
        if _blank(value):
            return ""
        if isinstance(value, pd.Timestamp):
            return value.tz_convert(zone).strftime("%d/%m/%Y %H:%M:%S")
        return str(value)

    rows = [[fmt(rec.get(f.column)) for f in COMMENT_FIELDS] for rec in comments.to_dict("records")]
    return _write_filled(path, {"comments": (COMMENT_FIELDS, rows)}, lang)


def write_filled_search_results(
    search_results: pd.DataFrame,
    path: PathLike,
    *,
    agencies: pd.DataFrame | None = None,
    tz: str = "Asia/Jakarta",
    lang: str | None = None,
) -> Path:
    """Write a canonical ``search_results`` table into the search-results template layout.

    ``query_agency_id`` is written as the agency's name when ``agencies`` gives
    it (what a trainee types); creation dates as local days in ``tz``.
    """
    lang = lang or i18n.get_language()
    zone = schema.TIMEZONES.get(tz, tz)
    names = (
        {} if agencies is None else dict(zip(agencies["agency_id"], agencies["name"], strict=True))
    )
    yes, no = ("ya", "tidak") if lang == "id" else ("yes", "no")

    def cell(column: str, value: Any) -> str:
        if _blank(value):
            return ""
        if column == "verified":
            return yes if bool(value) else no
        if column == "created_at":
            return pd.Timestamp(value).tz_convert(zone).strftime("%d/%m/%Y")
        if column == "query_agency":
            return str(names.get(value, value))
        return str(value)

    rows = [
        [cell(f.column, dict(rec, query_agency=rec["query_agency_id"]).get(f.column))
         for f in SEARCH_FIELDS]
        for rec in search_results.to_dict("records")
    ]  # fmt: skip
    return _write_filled(path, {"search_results": (SEARCH_FIELDS, rows)}, lang)


def _write_filled(
    path: PathLike, sheets: Mapping[str, tuple[tuple[Field, ...], list[list[Any]]]], lang: str
) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.suffix.lower() == ".csv":
        fields, rows = sheets["accounts"] if "accounts" in sheets else next(iter(sheets.values()))
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow([f.header(lang) for f in fields])
        w.writerows(rows)
        p.write_bytes(buf.getvalue().encode("utf-8-sig"))
        return p
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for table, (fields, rows) in sheets.items():
        ws = wb.create_sheet(SHEETS[table][lang])
        ws.append([f.header(lang) for f in fields])
        for r in rows:
            ws.append(r)
        for row in ws.iter_rows(min_row=2):
            for c in row:
                c.number_format = "@"
    wb.save(p)
    return p
