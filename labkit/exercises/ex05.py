"""Exercises of notebook ``05_data_instansi_sendiri``: the trainee's own data.

The expected values are read at check time from the dataset the notebook
imports (``instansi_saya``) and, for the personal-data exercise, from the
universe's ground truth (``truth_comments``), so they follow the data.
Solutions are the tagged cells of ``notebooks/solutions/05_data_instansi_sendiri.ipynb``
(:mod:`labkit.check.solutions`); explanations stay here as ``solution_text``.
"""

from __future__ import annotations

import functools

import pandas as pd

from labkit import data, owndata
from labkit.check import CustomProblem, EqualityProblem, ThoughtProblem, ____
from labkit.exercises import register

DATASET = "instansi_saya"


def _own(table: str) -> pd.DataFrame:
    return data.load(table, source=DATASET, mask=False)


def _percent_with_reach() -> float:
    posts = _own("posts")
    return float(posts["reach"].notna().mean() * 100)


def _sections_blocked() -> set[str]:
    table = owndata.sections_available(DATASET)
    return set(table.loc[~table["available"], "section"])


def _inventory_saved(answer: object) -> tuple[bool, dict[str, str] | None]:
    if not isinstance(answer, pd.DataFrame) or "bio" not in answer.columns:
        return False, {
            "id": 'Muat tabel akun: data.load("accounts", source="instansi_saya").',
            "en": 'Load the accounts table: data.load("accounts", source="instansi_saya").',
        }
    saved = _own("accounts") if data.has_table("accounts", DATASET) else None
    complete = (
        saved[["bio", "link", "contact"]].notna().all(axis=1)
        if saved is not None
        else pd.Series([], dtype=bool)
    )
    if not complete.any():
        return False, {
            "id": "Belum ada akun dengan Bio, Tautan dan Kontak terisi di dataset. Isi ketiganya di "
            "formulir, klik Simpan akun, lalu Simpan ke dataset.",
            "en": "No account in the dataset has Bio, Link and Contact filled in yet. Fill in all "
            "three in the form, click Save account, then Save to dataset.",
        }
    return True, None


@functools.cache
def _shared_sample() -> tuple[pd.DataFrame, frozenset[str]]:
    agency = owndata.sample_agency()["agency_id"]
    accounts = data.load("accounts", source=data.BUNDLED)
    mine = accounts[accounts["agency_id"] == agency]
    keys = set(zip(mine["platform"].astype(str), mine["account"].astype(str), strict=True))
    comments = data.load("comments", source=data.BUNDLED, mask=False)
    pairs = zip(comments["platform"].astype(str), comments["account"].astype(str), strict=True)
    comments = comments[[p in keys for p in pairs]].sort_values("created_at")
    truth = data.load("truth_comments", source=data.BUNDLED).set_index(["platform", "comment_id"])
    pii = comments.join(truth[["pii"]], on=["platform", "comment_id"])["pii"].fillna("")
    comments = comments.assign(_pii=pii)
    picks = [("nik", 2), ("phone", 2), ("email", 1), ("handle", 1), ("", 6)]
    parts = [comments[comments["_pii"] == kind].head(n) for kind, n in picks]
    sample = pd.concat(parts).sort_values("created_at").reset_index(drop=True)
    with_pii = frozenset(sample.loc[sample["_pii"] != "", "comment_id"].astype(str))
    return sample[["platform", "account", "comment_id", "created_at", "text"]], with_pii


def komentar_untuk_dibagikan() -> pd.DataFrame:
    """Twelve comments of the sample agency, unmasked, as a colleague wants to share them.

    All fictional. Some hold personal data (NIK, phone, e-mail, a citizen's
    handle); one names the agency's own official handle, which is not personal
    data.
    """
    return _shared_sample()[0].copy()


def _with_pii() -> set[str]:
    return set(_shared_sample()[1])


def _official_only() -> set[str]:
    """Comments of the sample whose only '@' is the agency's own official handle."""
    sample = _shared_sample()[0]
    mentions = sample["text"].str.contains("@", regex=False)
    return set(sample.loc[mentions, "comment_id"].astype(str)) - _with_pii()


def _explain_pii(answer: object) -> dict[str, str] | None:
    try:
        items = list(answer)  # type: ignore[call-overload]
    except TypeError:
        return None
    if items and all(isinstance(x, int) for x in items):
        return {
            "id": "Itu nomor baris (kolom `row` di `temuan`), bukan `comment_id`. Ambil `comment_id` baris-baris itu dari `contoh_bagikan`.",
            "en": "Those are row numbers (column `row` of `temuan`), not `comment_id`s. Take those rows' `comment_id` from `contoh_bagikan`.",
        }
    picked = {str(x) for x in items}
    if picked & _official_only():
        return {
            "id": "Ada komentar yang hanya menyebut akun resmi instansi. Akun resmi bukan data pribadi: itulah gunanya `allow=izin`.",
            "en": "A comment you picked only mentions the agency's official account. Official accounts are not personal data: that is what `allow=izin` is for.",
        }
    if len(picked) < len(_with_pii()):
        return {
            "id": "Satu komentar bisa memuat lebih dari satu data pribadi, dan tabel `temuan` punya satu baris per temuan. Ambil semua komentar yang disebut di kolom `row`.",
            "en": "One comment can hold more than one piece of personal data, and `temuan` has one row per finding. Take every comment named in column `row`.",
        }
    return None


q1 = EqualityProblem(
    _percent_with_reach,
    abs_tol=0.5,
    quantity="rate",
    hints=[
        {
            "id": '`unggahan_saya["reach"].notna()` bernilai True untuk unggahan yang punya angka jangkauan.',
            "en": '`unggahan_saya["reach"].notna()` is True for posts that have a reach figure.',
        },
        {
            "id": "Rata-rata dari True/False adalah pecahannya; kalikan 100 supaya menjadi persen.",
            "en": "The mean of True/False is the fraction; multiply by 100 for a percentage.",
        },
    ],
    solution_text={
        "id": "Penyebutnya semua unggahan yang terimpor. X dan YouTube tidak melaporkan jangkauan, "
        "jadi angkanya kosong (bukan nol) untuk unggahan itu.",
        "en": "The denominator is every imported post. X and YouTube do not report reach, so "
        "those posts have an empty figure (not zero).",
    },
)

q2 = EqualityProblem(
    _sections_blocked,
    hints=[
        {
            "id": 'Kolom `available` bernilai False untuk bagian yang belum bisa berjalan; `~bagian["available"]` membaliknya.',
            "en": 'Column `available` is False for sections that cannot run; `~bagian["available"]` flips it.',
        },
        {
            "id": 'Ambil kolom `section` dari baris itu dan jadikan himpunan: `set(bagian.loc[..., "section"])`.',
            "en": 'Take column `section` of those rows as a set: `set(bagian.loc[..., "section"])`.',
        },
    ],
)

q3 = CustomProblem(
    _inventory_saved,
    hints=[
        {
            "id": "Isi bagian 1 formulir (nama instansi), lalu satu akun lengkap dengan Bio, Tautan dan Kontak.",
            "en": "Fill in part 1 of the form (agency name), then one account with Bio, Link and Contact.",
        },
        {
            "id": 'Klik Simpan akun, lalu Simpan ke dataset; muat tabelnya dengan data.load("accounts", source="instansi_saya").',
            "en": 'Click Save account, then Save to dataset; load the table with data.load("accounts", source="instansi_saya").',
        },
    ],
    solution_text={
        "id": "Ekspor platform tidak memuat bio, tautan, kontak, centang verifikasi atau jenis akun; "
        "inventaris melengkapinya sehingga audit profil di notebook 01 bisa berjalan.",
        "en": "Platform exports carry no bio, link, contact, verification badge or account type; "
        "the inventory adds them so the profile audit of notebook 01 can run.",
    },
)

q4 = EqualityProblem(
    _with_pii,
    explain=_explain_pii,
    hints=[
        {
            "id": "Setiap baris tabel `temuan` adalah satu jenis data pribadi di satu komentar; kolom `row` menunjuk baris `contoh_bagikan`.",
            "en": "Each row of `temuan` is one kind of personal data in one comment; column `row` points at a row of `contoh_bagikan`.",
        },
        {
            "id": 'Ambil `comment_id` baris-baris itu: `set(contoh_bagikan.loc[temuan["row"], "comment_id"])`.',
            "en": 'Take those rows\' `comment_id`: `set(contoh_bagikan.loc[temuan["row"], "comment_id"])`.',
        },
    ],
    solution_text={
        "id": "Akun resmi instansi yang disebut dalam komentar bukan data pribadi: `allow=izin` "
        "membuatnya tidak dilaporkan. NIK, nomor ponsel, e-mail dan akun warga adalah data pribadi.",
        "en": "The agency's own official handle mentioned in a comment is not personal data: "
        "`allow=izin` keeps it out of the report. NIK, mobile numbers, e-mails and citizens' "
        "handles are personal data.",
    },
)

q5 = ThoughtProblem(
    hints=[
        {
            "id": "Pikirkan: siapa yang menerima data, untuk apa, apa yang masih bisa mengenali warga, dan sampai kapan data disimpan.",
            "en": "Think: who receives the data, for what, what could still identify a citizen, and how long the data are kept.",
        }
    ],
    solution_text={
        "id": "Bagikan hanya tabel yang perlu (misalnya ringkasan per akun, bukan komentar mentah). "
        "Jalankan privacy.find_pii pada setiap kolom teks dan pastikan hasilnya kosong. Jangan "
        "kirim berkas unduhan asli: isinya belum disamarkan. Catat penerima dan tujuannya, dan "
        "hapus data (owndata.purge) setelah pekerjaan selesai (UU PDP No. 27/2022: data pribadi "
        "hanya disimpan selama diperlukan).",
        "en": "Share only the tables needed (e.g. a per-account summary, not raw comments). Run "
        "privacy.find_pii on every text column and make sure it finds nothing. Never send the "
        "original downloads: they are not masked. Note who receives the data and why, and delete "
        "the data (owndata.purge) when the work is done (UU PDP 27/2022: personal data are kept "
        "only as long as needed).",
    },
)

EXERCISES = register("05_data_instansi_sendiri", q1=q1, q2=q2, q3=q3, q4=q4, q5=q5)

__all__ = ["____", "q1", "q2", "q3", "q4", "q5", "komentar_untuk_dibagikan", "EXERCISES"]
