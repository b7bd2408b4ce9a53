"""The fictional agencies of the bundled universe, and their copies at larger scales.

Every name here is invented: the regions (``Kota Pelangi``, ``Kabupaten
Sukamaju``...), the ministry (``Kementerian Pelayanan Warga``) and the
``.go.id`` domains. Replica 0 is the hand-written universe used in the
workshop; replicas 1, 2, ... (``scale`` > 1) repeat the same twelve agency
templates with invented region names, so every agency and account keeps the
kind, platforms and rhythm of its template.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from labkit import schema


@dataclass(frozen=True)
class Agency:
    """One fictional agency with everything the account builder needs."""

    agency_id: str
    name: str
    short_name: str
    display_name: str  # name shown on every official profile (<= 50 characters)
    name_variants: tuple[str, ...]  # clearly different names (planted inconsistencies)
    kind: str
    region: str  # place the agency serves, e.g. "Kota Pelangi"
    place: str  # the place name alone, e.g. "Pelangi"
    tz: str
    website: str
    official_email: str
    official_phone: str
    unit: str
    handles: dict[str, str]  # platform -> official handle
    platforms: tuple[str, ...]
    tier: str  # national | provincial | local | unit: sets follower sizes
    hashtag: str  # agency hashtag in CamelCase, without '#'
    leader: str  # title (never a person's name) of the agency's head
    replica: int = 0
    extra: dict = field(default_factory=dict)


# ---- the places of replica 0 (all invented) ----
BASE_PLACES = {
    "prov_wib": "Bukit Lembayung",
    "kota_wib": "Pelangi",
    "twin": "Sukamaju",  # a Kabupaten and a Kota share the name (sibling accounts)
    "prov_wita": "Nusa Cempaka",
    "kota_wita": "Teluk Mutiara",
    "kab_wit": "Lembah Kenari",
}

# Invented name parts for the places of replicas >= 1 (checked against nothing
# real at regency/city level; village names may coincide, which is harmless).
_PROV_A = (
    "Nusa",
    "Bukit",
    "Tanah",
    "Lembah",
    "Teluk",
    "Pesisir",
    "Dataran",
    "Tanjung",
    "Ranah",
    "Gugus",
)
_PROV_B = (
    "Seruni",
    "Kenanga",
    "Nilam",
    "Zamrud",
    "Delima",
    "Angsana",
    "Teratai",
    "Cendana",
    "Kemuning",
    "Gaharu",
    "Pualam",
    "Purnama",
    "Mentari",
    "Baiduri",
    "Kirana",
    "Nirmala",
    "Lazuardi",
    "Pelita",
    "Cahaya",
    "Semesta",
    "Samudra",
    "Dewangga",
    "Jingga",
)
_TOWN_A = (
    "Sumber",
    "Mekar",
    "Tirta",
    "Sinar",
    "Rawa",
    "Talang",
    "Karang",
    "Bina",
    "Ranah",
    "Sela",
    "Giri",
    "Wana",
    "Harja",
    "Purwa",
    "Sapta",
    "Cipta",
)
_TOWN_B = (
    "wangi",
    "sari",
    "asri",
    "jaya",
    "mulya",
    "indah",
    "permai",
    "lestari",
    "damai",
    "rahayu",
    "kencana",
    "harapan",
    "makmur",
    "sentosa",
    "bening",
    "raya",
    "tama",
    "laksana",
    "wening",
    "mukti",
    "sejati",
    "utama",
    "lembah",
    "pura",
    "nagara",
    "dharma",
    "jati",
    "arum",
)

# Kecamatan / kelurahan names used in captions ("di Kelurahan Tirtaasri").
_SUB_A = (
    "Taman",
    "Kebun",
    "Bukit",
    "Lembah",
    "Padang",
    "Sumber",
    "Talang",
    "Ujung",
    "Pasir",
    "Mekar",
    "Sinar",
    "Tirta",
    "Rawa",
    "Tanjung",
)
_SUB_B = (
    "Asri",
    "Sari",
    "Indah",
    "Baru",
    "Mulya",
    "Jaya",
    "Harapan",
    "Makmur",
    "Lestari",
    "Permai",
    "Damai",
    "Kencana",
    "Wangi",
    "Rahayu",
    "Sejahtera",
    "Bening",
)


def slug(text: str) -> str:
    """Lowercase letters and digits only (``"Teluk Mutiara"`` -> ``"telukmutiara"``)."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def camel(text: str) -> str:
    """CamelCase without spaces (``"Kota Pelangi"`` -> ``"KotaPelangi"``)."""
    return "".join(w[:1].upper() + w[1:] for w in text.replace("-", " ").split())


def _abbrev(place: str, n: int) -> str:
    """A short slug of ``place`` of at most ``n`` letters, for X's 15-character handles.

    Too long a name keeps its first letter and its consonants ("Mekarwangi" ->
    "mkrwng"), the way agencies shorten names to fit X.
    """
    s = slug(place)
    if len(s) <= n:
        return s
    skel = s[0] + "".join(ch for ch in s[1:] if ch not in "aeiou")
    return skel[:n]


def _x(prefix: str, place: str) -> str:
    """An X handle (max 15 characters: letters, digits, underscore)."""
    return prefix + _abbrev(place, 15 - len(prefix))


# Hand-picked X handles (15 characters at most) of the workshop universe.
_X_REPLICA0 = {
    2: "kanwilpwcempaka",
    4: "diskominfobl",
    6: "kominfokabsmj",
    10: "dukcapil_ktm",
    11: "bpbd_lkenari",
}


def _phone(i: int, replica: int) -> str:
    # The 0000 block is not allocated to subscribers: clearly fictional numbers.
    return f"0811-0000-{(replica * 12 + i) % 10000:04d}"


def _templates(places: dict[str, str], replica: int) -> list[Agency]:
    """The twelve agency templates, filled in with ``places``."""
    P1, K1, TW, P2, K2, K3 = (
        places["prov_wib"],
        places["kota_wib"],
        places["twin"],
        places["prov_wita"],
        places["kota_wita"],
        places["kab_wit"],
    )
    s1, sk1, stw, s2, sk2, sk3 = (slug(p) for p in (P1, K1, TW, P2, K2, K3))
    r = replica
    out: list[Agency] = []

    def add(**kw):
        i = len(out) + 1
        kw.setdefault("official_phone", _phone(i, r))
        if r == 0 and i in _X_REPLICA0:
            kw["handles"] = {**kw["handles"], "x": _X_REPLICA0[i]}
        out.append(Agency(agency_id=f"AG{r:03d}{i:02d}" if r else f"AG{i:02d}", replica=r, **kw))

    if r == 0:
        add(
            name="Biro Komunikasi dan Informasi Publik, Kementerian Pelayanan Warga",
            short_name="Kemen PW",
            display_name="Kementerian Pelayanan Warga RI",
            name_variants=("Biro KIP Kemen PW", "KemenPW Official News"),
            kind="kementerian_unit",
            region="Nasional",
            place="Nasional",
            tz="WIB",
            website="https://pelayananwarga.go.id",
            official_email="humas@pelayananwarga.go.id",
            unit="Biro Komunikasi dan Informasi Publik",
            handles={
                "instagram": "kemenpw_ri",
                "facebook": "kemenpw.ri",
                "x": "kemenpw_ri",
                "tiktok": "kemenpw.ri",
                "youtube": "kemenpwri",
            },
            platforms=("facebook", "instagram", "x", "tiktok", "youtube"),
            tier="national",
            hashtag="KemenPW",
            leader="Menteri Pelayanan Warga",
        )
    else:
        add(
            name=f"Balai Besar Layanan Warga Wilayah {P1}, Kementerian Pelayanan Warga",
            short_name=f"BBLW {P1}",
            display_name=f"Balai Besar Layanan Warga {P1}"[:50],
            name_variants=(f"BBLW Wil. {_abbrev(P1, 8).upper()}", f"Info Balai PW {P1}"),
            kind="kementerian_unit",
            region=f"Provinsi {P1}",
            place=P1,
            tz="WIB",
            website=f"https://bblw-{s1}.pelayananwarga.go.id",
            official_email=f"humas@bblw-{s1}.pelayananwarga.go.id",
            unit="Subbagian Umum dan Humas",
            handles={
                "instagram": f"bblw_{s1}",
                "facebook": f"bblw.{s1}",
                "x": _x("bblw_", P1),
                "tiktok": f"bblw.{s1}",
                "youtube": f"bblw{s1}",
            },
            platforms=("facebook", "instagram", "x", "tiktok", "youtube"),
            tier="national",  # the template's tier: a copy keeps its rhythm and size
            hashtag=f"BBLW{camel(P1)}",
            leader="Kepala Balai Besar",
        )
    add(
        name=f"Kantor Wilayah Kementerian Pelayanan Warga Provinsi {P2}",
        short_name=f"Kanwil KemenPW {P2}",
        display_name=f"Kanwil Kemen PW {P2}",
        name_variants=(f"Kantor Wilayah {P2}", f"Humas Kanwil PW Prov. {_abbrev(P2, 6).upper()}"),
        kind="kanwil",
        region=f"Provinsi {P2}",
        place=P2,
        tz="WITA",
        website=f"https://{s2}.pelayananwarga.go.id",
        official_email=f"humas@{s2}.pelayananwarga.go.id",
        unit="Subbagian Humas dan Informasi",
        handles={
            "instagram": f"kanwilpw_{s2}",
            "facebook": f"kanwilpw.{s2}",
            "x": _x("kanwilpw", P2),
        },
        platforms=("facebook", "instagram", "x"),
        tier="provincial",
        hashtag=f"KanwilPW{camel(P2)}",
        leader="Kepala Kantor Wilayah",
    )
    add(
        name=f"Kantor Imigrasi Kelas I TPI Kota {K1}",
        short_name=f"Kanim Kota {K1}",
        display_name=f"Kantor Imigrasi Kota {K1}",
        name_variants=(f"Kanim Kls I {K1}", f"Imigrasi {K1} Melayani"),
        kind="kantor_imigrasi",
        region=f"Kota {K1}",
        place=K1,
        tz="WIB",
        website=f"https://kanim-{sk1}.go.id",
        official_email=f"humas@kanim-{sk1}.go.id",
        unit="Seksi Informasi dan Komunikasi Keimigrasian",
        handles={
            "instagram": f"kanim_kota{sk1}",
            "facebook": f"kanimkota{sk1}",
            "x": _x("kanim_", K1),
            "tiktok": f"kanim.kota{sk1}",
        },
        platforms=("facebook", "instagram", "x", "tiktok"),
        tier="local",
        hashtag=f"Imigrasi{camel(K1)}",
        leader="Kepala Kantor Imigrasi",
    )
    add(
        name=f"Dinas Komunikasi dan Informatika Provinsi {P1}",
        short_name=f"Diskominfo {P1}",
        display_name=f"Diskominfo Provinsi {P1}",
        name_variants=(f"Kominfo Prov {_abbrev(P1, 6).upper()}", f"Dinas Kominfo {P1}"),
        kind="diskominfo_provinsi",
        region=f"Provinsi {P1}",
        place=P1,
        tz="WIB",
        website=f"https://diskominfo.{s1}prov.go.id",
        official_email=f"humas@diskominfo.{s1}prov.go.id",
        unit="Bidang Informasi dan Komunikasi Publik",
        handles={
            "instagram": f"diskominfo_{s1}",
            "facebook": f"diskominfo.{s1}",
            "x": _x("kominfo", P1),
            "youtube": f"diskominfo{s1}",
        },
        platforms=("facebook", "instagram", "x", "youtube"),
        tier="provincial",
        hashtag=f"Kominfo{camel(P1)}",
        leader="Gubernur " + P1,
    )
    add(
        name=f"Dinas Komunikasi dan Informatika Kota {K1}",
        short_name=f"Humas Kota {K1}",
        display_name=f"Pemerintah Kota {K1}",
        name_variants=(f"Humas Pemkot {K1}", f"Prokopim Kota {K1}"),
        kind="diskominfo_kota",
        region=f"Kota {K1}",
        place=K1,
        tz="WIB",
        website=f"https://{sk1}kota.go.id",
        official_email=f"humas@{sk1}kota.go.id",
        unit="Humas Pemerintah Kota",
        handles={
            "instagram": f"humas_kota{sk1}",
            "facebook": f"humaskota{sk1}",
            "x": _x("humas", K1),
            "tiktok": f"humas.kota{sk1}",
            "youtube": f"humaskota{sk1}",
        },
        platforms=("facebook", "instagram", "x", "tiktok", "youtube"),
        tier="local",
        hashtag=f"Kota{camel(K1)}",
        leader=f"Wali Kota {K1}",
    )
    add(
        name=f"Dinas Komunikasi, Informatika, dan Persandian Kabupaten {TW}",
        short_name=f"Diskominfo Kab. {TW}",
        display_name=f"Diskominfo Kabupaten {TW}",
        name_variants=(f"Kominfo Kab {TW} Official", f"Dinas Kominfotik {TW}"),
        kind="diskominfo_kabupaten",
        region=f"Kabupaten {TW}",
        place=TW,
        tz="WIB",
        website=f"https://diskominfo.{stw}kab.go.id",
        official_email=f"humas@diskominfo.{stw}kab.go.id",
        unit="Bidang Informasi dan Komunikasi Publik",
        handles={
            "instagram": f"diskominfo_kab{stw}",
            "facebook": f"diskominfokab{stw}",
            "x": _x("kominfokab", TW),
        },
        platforms=("facebook", "instagram", "x"),
        tier="local",
        hashtag=f"Kab{camel(TW)}",
        leader=f"Bupati {TW}",
    )
    add(
        name=f"Dinas Komunikasi dan Informatika Kota {TW}",
        short_name=f"Diskominfo Kota {TW}",
        display_name=f"Diskominfo Kota {TW}",
        name_variants=(f"Kominfo {TW} Kota", f"Humas Setda Kota {TW}"),
        kind="diskominfo_kota",
        region=f"Kota {TW}",
        place=TW,
        tz="WIB",
        website=f"https://diskominfo.{stw}kota.go.id",
        official_email=f"humas@diskominfo.{stw}kota.go.id",
        unit="Bidang Informasi dan Komunikasi Publik",
        handles={
            "instagram": f"diskominfo_kota{stw}",
            "facebook": f"diskominfokota{stw}",
            "tiktok": f"diskominfo.kota{stw}",
        },
        platforms=("facebook", "instagram", "tiktok"),
        tier="local",
        hashtag=f"Kota{camel(TW)}",
        leader=f"Wali Kota {TW}",
    )
    add(
        name=f"Dinas Kesehatan Kota {K1}",
        short_name=f"Dinkes Kota {K1}",
        display_name=f"Dinas Kesehatan Kota {K1}",
        name_variants=(f"Dinkes {K1}", f"Info Sehat Kota {K1}"),
        kind="dinas_kesehatan",
        region=f"Kota {K1}",
        place=K1,
        tz="WIB",
        website=f"https://dinkes.{sk1}kota.go.id",
        official_email=f"humas@dinkes.{sk1}kota.go.id",
        unit="Subbagian Umum dan Kepegawaian",
        handles={
            "instagram": f"dinkes_kota{sk1}",
            "facebook": f"dinkeskota{sk1}",
            "tiktok": f"dinkes.kota{sk1}",
        },
        platforms=("facebook", "instagram", "tiktok"),
        tier="unit",
        hashtag=f"Dinkes{camel(K1)}",
        leader="Kepala Dinas Kesehatan",
    )
    add(
        name=f"Rumah Sakit Umum Daerah Kota {K2}",
        short_name=f"RSUD {K2}",
        display_name=f"RSUD Kota {K2}",
        name_variants=(f"Rumah Sakit Daerah {K2}", f"RSUD {_abbrev(K2, 6).upper()} Melayani"),
        kind="rsud",
        region=f"Kota {K2}",
        place=K2,
        tz="WITA",
        website=f"https://rsud.{sk2}kota.go.id",
        official_email=f"humas@rsud.{sk2}kota.go.id",
        unit="Instalasi Humas dan Pemasaran",
        handles={
            "instagram": f"rsud_{sk2}",
            "facebook": f"rsud{sk2}",
            "youtube": f"rsud{sk2}",
        },
        platforms=("facebook", "instagram", "youtube"),
        tier="unit",
        hashtag=f"RSUD{camel(K2)}",
        leader="Direktur RSUD",
    )
    add(
        name=f"Dinas Kependudukan dan Pencatatan Sipil Kota {K2}",
        short_name=f"Disdukcapil Kota {K2}",
        display_name=f"Disdukcapil Kota {K2}",
        name_variants=(f"Dukcapil {K2} Melayani", f"Capil Kota {_abbrev(K2, 6).upper()}"),
        kind="dinas_dukcapil",
        region=f"Kota {K2}",
        place=K2,
        tz="WITA",
        website=f"https://disdukcapil.{sk2}kota.go.id",
        official_email=f"humas@disdukcapil.{sk2}kota.go.id",
        unit="Bidang Pemanfaatan Data dan Inovasi",
        handles={
            "instagram": f"dukcapil_{sk2}",
            "facebook": f"dukcapil{sk2}",
            "x": _x("dukcapil", K2),
            "tiktok": f"dukcapil.{sk2}",
        },
        platforms=("facebook", "instagram", "x", "tiktok"),
        tier="local",
        hashtag=f"Dukcapil{camel(K2)}",
        leader="Kepala Disdukcapil",
    )
    add(
        name=f"Badan Penanggulangan Bencana Daerah Kabupaten {K3}",
        short_name=f"BPBD Kab. {K3}",
        display_name=f"BPBD Kabupaten {K3}",
        name_variants=(f"Pusdalops BPBD {K3}", f"BPBD {_abbrev(K3, 6).upper()} Siaga"),
        kind="bpbd",
        region=f"Kabupaten {K3}",
        place=K3,
        tz="WIT",
        website=f"https://bpbd.{sk3}kab.go.id",
        official_email=f"humas@bpbd.{sk3}kab.go.id",
        unit="Pusat Pengendalian Operasi",
        handles={
            "instagram": f"bpbd_{sk3}",
            "facebook": f"bpbd{sk3}",
            "x": _x("bpbd", K3),
        },
        platforms=("facebook", "instagram", "x"),
        tier="unit",
        hashtag=f"BPBD{camel(K3)}",
        leader="Kepala Pelaksana BPBD",
    )
    add(
        name=f"Badan Pengelola Kawasan Wisata Danau {K3}",
        short_name=f"BPKW Danau {K3}",
        display_name=f"Danau {K3} (BPKW)",
        name_variants=(f"Wisata Danau {K3} Resmi", f"Badan Otorita Danau {_abbrev(K3, 6).upper()}"),
        kind="lembaga",
        region=f"Kabupaten {K3}",
        place=K3,
        tz="WIT",
        website=f"https://danau{sk3}.go.id",
        official_email=f"humas@danau{sk3}.go.id",
        unit="Bagian Hubungan Masyarakat",
        handles={
            "instagram": f"bpkw_danau{sk3}",
            "facebook": f"bpkwdanau{sk3}",
            "tiktok": f"bpkw.danau{sk3}",
            "youtube": f"bpkwdanau{sk3}",
        },
        platforms=("facebook", "instagram", "tiktok", "youtube"),
        tier="provincial",
        hashtag=f"Danau{camel(K3)}",
        leader="Kepala Badan Pengelola",
    )
    return out


def replica_places(replica: int) -> dict[str, str]:
    """Invented place names for ``replica`` (replica 0: the workshop universe)."""
    if replica == 0:
        return dict(BASE_PLACES)
    provs = [f"{a} {b}" for a, b in itertools.product(_PROV_A, _PROV_B)]
    towns = [a + b for a, b in itertools.product(_TOWN_A, _TOWN_B)]
    order_p = np.random.default_rng(8841).permutation(len(provs))
    order_t = np.random.default_rng(8842).permutation(len(towns))
    n_p, n_t = len(provs), len(towns)
    i = replica - 1
    if 2 * (i + 1) > n_p or 4 * (i + 1) > n_t:
        raise ValueError(f"scale too large: at most {min(n_p // 2, n_t // 4) + 1} replicas")
    p = [provs[order_p[2 * i + k]] for k in range(2)]
    t = [towns[order_t[4 * i + k]] for k in range(4)]
    return {
        "prov_wib": p[0],
        "kota_wib": t[0],
        "twin": t[1],
        "prov_wita": p[1],
        "kota_wita": t[2],
        "kab_wit": t[3],
    }


def build(replica: int = 0) -> list[Agency]:
    """The agencies of ``replica`` as :class:`Agency` records.

    Handles are unique across all replicas: an X handle shortened to 15
    characters that an earlier replica already uses gets its last letter changed.
    """
    return list(_built(replica))


@lru_cache(maxsize=256)
def _built(replica: int) -> tuple[Agency, ...]:
    ags = _templates(replica_places(replica), replica)
    if replica == 0:
        return tuple(ags)
    taken = _taken(replica - 1)
    out = []
    for a in ags:
        handles = dict(a.handles)
        for p, h in handles.items():
            k = 0
            while (p, h) in taken:
                h = handles[p][:-1] + "abcdefghijklmnopqrstuvwxyz"[k]
                k += 1
            handles[p] = h
        out.append(replace(a, handles=handles))
    return tuple(out)


@lru_cache(maxsize=256)
def _taken(replica: int) -> frozenset:
    """(platform, handle) pairs used by replicas 0..``replica``."""
    prev = _taken(replica - 1) if replica > 0 else frozenset()
    mine = {(p, h) for a in _built(replica) for p, h in a.handles.items()}
    return prev | mine


def subplaces(agency: Agency, n: int = 12) -> list[str]:
    """Invented kecamatan / kelurahan names inside ``agency``'s region (fixed per agency)."""
    rng = np.random.default_rng(abs(hash_str(agency.region)) % (2**32))
    combos = [f"{a} {b}" for a, b in itertools.product(_SUB_A, _SUB_B)]
    pick = rng.choice(len(combos), size=n, replace=False)
    return [combos[k] for k in pick]


def hash_str(text: str) -> int:
    """A stable (not salted) 64-bit hash of ``text``."""
    h = 1469598103934665603
    for ch in text.encode("utf-8"):
        h = ((h ^ ch) * 1099511628211) % (2**64)
    return h


def frame(agencies: list[Agency]) -> pd.DataFrame:
    """The canonical ``agencies`` table of ``agencies``."""
    cols = schema.table("agencies").names
    rows = [{c: getattr(a, c) for c in cols} for a in agencies]
    return schema.conform(pd.DataFrame(rows, columns=cols), "agencies", source="universe")
