"""The glossary of module 2: one definition of every term, in Indonesian and English.

Charts and tables link their terms to these ids (for example a column
``engagement_rate_by_followers`` links to ``engagement_rate`` and
``denominator``). :data:`GLOSSARY` is the only place the definitions are written.
"""

from __future__ import annotations

import pandas as pd

from labkit import i18n
from labkit.errors import LabkitError

#: term id -> {"term": {id, en}, "definition": {id, en}}
GLOSSARY: dict[str, dict[str, dict[str, str]]] = {
    "engagements": {
        "term": {"id": "interaksi (engagement)", "en": "engagements"},
        "definition": {
            "id": "Suka + komentar + bagikan + simpan pada satu unggahan, hanya metrik yang dilaporkan platform (Facebook tidak melaporkan simpan; YouTube juga tidak). Metrik yang tidak dilaporkan tidak dihitung sebagai 0.",
            "en": "Likes + comments + shares + saves on one post, counting only the metrics the platform reports (Facebook and YouTube report no saves). An unreported metric is not counted as 0.",
        },
    },
    "engagement_rate": {
        "term": {"id": "tingkat keterlibatan (engagement rate)", "en": "engagement rate"},
        "definition": {
            "id": "Interaksi dibagi penyebut (pengikut saat unggah, jangkauan, tayangan, atau penayangan). Untuk satu kelompok unggahan: jumlah interaksi dibagi jumlah penyebut pada unggahan yang keduanya diketahui. Selalu sebutkan penyebutnya.",
            "en": "Engagements divided by a denominator (followers at posting time, reach, impressions or views). For a group of posts: total engagements over the total denominator of the posts where both are known. Always name the denominator.",
        },
    },
    "denominator": {
        "term": {"id": "penyebut", "en": "denominator"},
        "definition": {
            "id": "Angka pembagi suatu rasio. Rasio dengan penyebut berbeda tidak dapat dibandingkan; penyebut 0 atau kosong memberi hasil kosong, bukan 0.",
            "en": "The number a rate divides by. Rates with different denominators are not comparable; a zero or missing denominator gives a missing result, not 0.",
        },
    },
    "followers_at_posting": {
        "term": {"id": "pengikut saat unggah", "en": "followers at posting time"},
        "definition": {
            "id": "Jumlah pengikut akun pada hari lokal unggahan (dari deret pengikut harian). Tanpa deret harian dipakai jumlah pengikut akun di akhir periode, dan hasilnya menyebut hal itu.",
            "en": "The account's followers on the post's local day (from the daily follower series). Without a daily series the account's follower count at the end of the period is used, and the result says so.",
        },
    },
    "reach": {
        "term": {"id": "jangkauan (reach)", "en": "reach"},
        "definition": {
            "id": "Jumlah akun unik yang melihat unggahan (dilaporkan Facebook dan Instagram).",
            "en": "Unique accounts that saw the post (reported by Facebook and Instagram).",
        },
    },
    "impressions": {
        "term": {"id": "tayangan (impressions)", "en": "impressions"},
        "definition": {
            "id": "Berapa kali unggahan ditampilkan, termasuk berulang ke akun yang sama (X, YouTube).",
            "en": "Times the post was shown, repeats included (X, YouTube).",
        },
    },
    "views": {
        "term": {"id": "penayangan (views)", "en": "views"},
        "definition": {
            "id": "Penayangan video atau konten (TikTok, YouTube, Instagram, Facebook).",
            "en": "Video or content views (TikTok, YouTube, Instagram, Facebook).",
        },
    },
    "conversation_rate": {
        "term": {"id": "tingkat percakapan", "en": "conversation rate"},
        "definition": {
            "id": "Komentar dibagi jumlah unggahan (kerangka Kaushik).",
            "en": "Comments per post (Kaushik's framework).",
        },
    },
    "amplification_rate": {
        "term": {"id": "tingkat amplifikasi", "en": "amplification rate"},
        "definition": {
            "id": "Bagikan (repost) dibagi jumlah unggahan (kerangka Kaushik).",
            "en": "Shares (reposts) per post (Kaushik's framework).",
        },
    },
    "applause_rate": {
        "term": {"id": "tingkat apresiasi (applause)", "en": "applause rate"},
        "definition": {
            "id": "Suka dibagi jumlah unggahan (kerangka Kaushik).",
            "en": "Likes per post (Kaushik's framework).",
        },
    },
    "audience_growth_rate": {
        "term": {"id": "tingkat pertumbuhan audiens", "en": "audience growth rate"},
        "definition": {
            "id": "(Pengikut akhir − pengikut awal) ÷ pengikut awal × 100 %, dalam suatu periode.",
            "en": "(Followers at the end − followers at the start) ÷ followers at the start × 100 %, over a period.",
        },
    },
    "share_of_voice": {
        "term": {"id": "pangsa suara (share of voice)", "en": "share of voice"},
        "definition": {
            "id": "Bagian satu akun dari total (unggahan atau interaksi) semua akun dalam himpunan pembanding, dalam persen. Definisi industri, tidak bersumber resmi.",
            "en": "One account's part of the total (posts or engagements) of all accounts in the comparison set, in percent. Industry definition, not formally sourced.",
        },
    },
    "response_rate": {
        "term": {"id": "tingkat balasan", "en": "response rate"},
        "definition": {
            "id": "Komentar yang dibalas instansi dibagi semua komentar yang dihitung.",
            "en": "Comments the agency replied to divided by all comments counted.",
        },
    },
    "time_to_first_reply": {
        "term": {"id": "waktu balasan pertama", "en": "time to first reply"},
        "definition": {
            "id": "Median menit dari komentar sampai balasan pertama instansi, hanya komentar yang dibalas.",
            "en": "Median minutes from a comment to the agency's first reply, replied comments only.",
        },
    },
    "median": {
        "term": {"id": "median", "en": "median"},
        "definition": {
            "id": "Nilai tengah: separuh unggahan di atasnya, separuh di bawahnya. Tidak terpengaruh satu unggahan viral.",
            "en": "The middle value: half the posts are above, half below. One viral post does not move it.",
        },
    },
    "confidence_interval": {
        "term": {"id": "selang kepercayaan 95 %", "en": "95 % confidence interval"},
        "definition": {
            "id": "Rentang yang memuat median sebenarnya dengan peluang 95 %, dihitung dari urutan nilai (tanpa asumsi sebaran). Makin sedikit unggahan, makin lebar.",
            "en": "A range that holds the true median with 95 % probability, from the sorted values (no distribution assumed). Fewer posts, wider range.",
        },
    },
    "n": {
        "term": {"id": "n (jumlah data)", "en": "n (count)"},
        "definition": {
            "id": "Jumlah unggahan (atau hari, komentar) di balik satu angka. Sel dengan n di bawah batas minimum ditandai dan tidak ditafsirkan.",
            "en": "The number of posts (or days, comments) behind a figure. Cells with n below the minimum are marked and not interpreted.",
        },
    },
    "low_n": {
        "term": {"id": "n kecil", "en": "low n"},
        "definition": {
            "id": "Sel dengan terlalu sedikit data untuk ditafsirkan; ditampilkan berbeda, bukan diwarnai seperti sel lain.",
            "en": "A cell with too little data to interpret; shown differently, never coloured like the rest.",
        },
    },
    "follower_tier": {
        "term": {"id": "kelas pengikut", "en": "follower tier"},
        "definition": {
            "id": "Kelompok akun dengan jumlah pengikut serupa; tingkat keterlibatan turun saat pengikut bertambah, jadi bandingkan dalam kelas yang sama.",
            "en": "A band of accounts with similar follower counts; the engagement rate falls as followers grow, so compare within a tier.",
        },
    },
    "bought_followers": {
        "term": {"id": "pengikut dibeli", "en": "bought followers"},
        "definition": {
            "id": "Lonjakan pengikut dalam satu hari tanpa kenaikan interaksi: pengikut yang dibeli tidak pernah berinteraksi.",
            "en": "A one-day follower jump with no rise in engagement: bought followers never engage.",
        },
    },
    "ranking_flip": {
        "term": {"id": "peringkat terbalik", "en": "ranking flip"},
        "definition": {
            "id": "Akun yang besar menurut pengikut tetapi kecil menurut tingkat keterlibatan (atau sebaliknya).",
            "en": "An account that ranks high by followers but low by engagement rate (or the reverse).",
        },
    },
    "momentum": {
        "term": {"id": "momentum", "en": "momentum"},
        "definition": {
            "id": "Hari nasional, hari besar keagamaan dan hari peringatan yang disapa instansi; dibandingkan dengan hari biasa.",
            "en": "National, religious and commemoration days agencies greet; compared with ordinary days.",
        },
    },
    "observational": {
        "term": {"id": "data pengamatan", "en": "observational data"},
        "definition": {
            "id": "Data yang tidak berasal dari percobaan: jam unggah bercampur dengan jenis konten dan topik, jadi perbedaan antarjam belum tentu disebabkan jamnya.",
            "en": "Data not from an experiment: posting time is mixed up with content type and topic, so a difference between hours is not necessarily caused by the hour.",
        },
    },
}


def glossary(term: str | None = None, *, lang: str | None = None) -> pd.DataFrame | str:
    """The glossary as a table, or one term's definition.

    Parameters
    ----------
    term : str, optional
        A term id (a key of :data:`GLOSSARY`). Without it, every term.
    lang : {"id", "en"}, optional
        Language (default: the current one, :func:`labkit.set_language`).

    Returns
    -------
    DataFrame or str
        ``id, term, definition`` for every term, or the definition of ``term``.
    """
    lang = lang or i18n.get_language()
    if term is not None:
        if term not in GLOSSARY:
            raise LabkitError("engagement.bad_term", value=term, valid=", ".join(sorted(GLOSSARY)))
        e = GLOSSARY[term]
        return f"{e['term'][lang]}: {e['definition'][lang]}"
    return pd.DataFrame(
        [
            {"id": k, "term": v["term"][lang], "definition": v["definition"][lang]}
            for k, v in GLOSSARY.items()
        ]
    )


def glossary_terms(*terms: str | None, lang: str | None = None) -> pd.DataFrame:
    """The glossary rows of ``terms`` (unknown or missing ones skipped), in order.

    What a chart or table shows beside itself so that each term it uses links to
    its one definition (``term, definition``).
    """
    lang = lang or i18n.get_language()
    wanted = [t for t in dict.fromkeys(terms) if t in GLOSSARY]
    return pd.DataFrame(
        [
            {
                "id": t,
                "term": GLOSSARY[t]["term"][lang],
                "definition": GLOSSARY[t]["definition"][lang],
            }
            for t in wanted
        ],
        columns=["id", "term", "definition"],
    )
