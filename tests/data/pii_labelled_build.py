"""Build ``tests/data/pii_labelled.jsonl`` from the hand-written, marked-up records below.

Each record is ``(category, text, allow)``. Personal data in ``text`` is marked
``[[type:value]]`` (``type`` one of ``nik``, ``phone``, ``email``, ``handle``); the
builder strips the markers and stores the character offsets of ``value`` in the
plain text. ``allow`` (or ``None``) is the agency allowlist that applies to the
record: ``{"handles": [...], "numbers": [...], "emails": [...]}``, deliberately
written in a different format from the text where the category is ``*_allowlisted``.

Span conventions (what a correct redactor replaces):

* ``nik``: the 16 digits with their inner separators (NIK and KK numbers alike);
  never the cue word (``NIK``, ``KK``).
* ``phone``: from ``+`` (or an opening bracket that closes inside the number) to
  the last digit; in a ``wa.me/`` link only the digits.
* ``email``: the whole address, including obfuscated ``[at]``/``(at)``/``[dot]`` forms.
* ``handle``: ``@`` plus the handle, without trailing punctuation.

All personal data here are invented. Run ``python tests/data/pii_labelled_build.py``
to regenerate the JSONL; the labels were reviewed record by record.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

OUT = Path(__file__).with_name("pii_labelled.jsonl")
TYPES = ("nik", "phone", "email", "handle")
HARD_NEGATIVE = (
    "rp_amount",
    "time",
    "date",
    "order_or_va_number",
    "post_id_19",
    "letter_number",
    "emergency_number",
    "agency_hotline_allowlisted",
    "agency_email_allowlisted",
    "agency_handle_allowlisted",
    "version_number",
    "count",
)
POSITIVE = (
    "nik",
    "nik_grouped",
    "kk",
    "phone_local",
    "phone_intl",
    "phone_bracket",
    "email",
    "handle",
    "mixed",
)
CATEGORIES = (*POSITIVE, "clean", *HARD_NEGATIVE)

_MARK = re.compile(r"\[\[(nik|phone|email|handle):(.+?)\]\]")


def H(*handles):  # noqa: N802 - short helpers keep the table readable
    return {"handles": list(handles), "numbers": [], "emails": []}


def N(*numbers):  # noqa: N802
    return {"handles": [], "numbers": list(numbers), "emails": []}


def E(*emails):  # noqa: N802
    return {"handles": [], "numbers": [], "emails": list(emails)}


RECORDS: list[tuple[str, str, dict | None]] = [
    # ---------------- NIK, written as one number ----------------
    ("nik", "Min, NIK saya [[nik:3273015708900003]] kok belum terdaftar di DTKS ya?", None),
    ("nik", "nik ku [[nik:3201124503950001]] udah aktif blm min", None),
    (
        "nik",
        "Mohon dibantu, KTP atas nama ibu saya NIK [[nik:3578044212680002]] tidak bisa dipakai daftar BPJS.",
        None,
    ),
    ("nik", "[[nik:7371112608010004]] ini NIK anak saya, kenapa ditolak sistem?", None),
    ("nik", "Sudah saya kirim NIK [[nik:6471055505880001]] lewat DM tapi belum dibalas.", None),
    (
        "nik",
        "Permisi kak, nomor induk kependudukan [[nik:3174096110920005]] statusnya ganda, gimana solusinya?",
        None,
    ),
    ("nik", "NIK:[[nik:1671032307850002]] mohon cek data vaksin saya", None),
    ("nik", "Tolong cek ya min [[nik:3509186304990001]]", None),
    (
        "nik",
        "e-KTP saya [[nik:5171024101930002]] hilang, apakah bisa cetak ulang di kecamatan?",
        None,
    ),
    ("nik", "Data saya salah: NIK [[nik:3603282809870006]], nama Dewi, tolong diperbaiki.", None),
    ("nik", "npwp saya sekarang pakai NIK [[nik:3275011512910003]] ya min?", None),
    ("nik", "daftar pakai [[nik:1271046807000001]] gagal terus dari kemarin", None),
    ("nik", "Anak saya lahir 2019, NIK-nya [[nik:3204105203190002]] belum bisa buat BPJS", None),
    # ---------------- NIK, written in groups ----------------
    ("nik_grouped", "NIK saya [[nik:3201 1245 0395 0001]] belum muncul di aplikasi", None),
    ("nik_grouped", "nik: [[nik:3273-0157-0890-0003]] tolong dicek min", None),
    ("nik_grouped", "Ini NIK istri saya [[nik:3578.0442.1268.0002]], sudah lapor RT.", None),
    ("nik_grouped", "NIK [[nik:327301 570890 0003]] atas nama Budi", None),
    ("nik_grouped", "No KTP [[nik:32.73.01.570890.0003]] mohon validasi", None),
    ("nik_grouped", "nik [[nik:3201 2345 6789 0001]] knp ditolak??", None),
    ("nik_grouped", "NIK anak: [[nik:7371 1126 0801 0004]], lahir di RSUD.", None),
    (
        "nik_grouped",
        "Min tolong, [[nik:6471-0555-0588-0001]] ini NIK bapak saya yang sudah meninggal, mau urus akta kematian",
        None,
    ),
    ("nik_grouped", "NIK saya [[nik:32 01 12 45 03 95 00 01]] ya", None),
    ("nik_grouped", "nik ktp [[nik:3174 0961 1092 0005]] tp di aplikasi tertulis beda", None),
    # ---------------- KK (family card) numbers: same 16-digit form ----------------
    ("kk", "Nomor KK [[nik:3273010101230004]] kok tidak ditemukan di sistem Dukcapil?", None),
    (
        "kk",
        "No. KK saya [[nik:3201 0212 1500 0007]], NIK kepala keluarga [[nik:3201121505800002]].",
        None,
    ),
    ("kk", "kartu keluarga no [[nik:3578-0401-0119-0003]] mau tambah anggota gimana caranya", None),
    ("kk", "KK:[[nik:7371010203040005]]", None),
    (
        "kk",
        "Sudah ganti KK baru [[nik:5171.0106.2200.0009]] tapi data BPJS belum ikut berubah",
        None,
    ),
    (
        "kk",
        "Mohon dicek no kk [[nik:1671031203180001]] dan NIK [[nik:1671035708850003]] atas nama ibu saya",
        None,
    ),
    ("kk", "no.kk [[nik:3603282012190008]] pak", None),
    ("kk", "KK kami [[nik:3509 1801 0920 0011]] belum masuk daftar penerima bansos", None),
    # ---------------- mobile numbers, national form ----------------
    ("phone_local", "Kalau ada info tolong WA saya ya [[phone:081234567890]]", None),
    ("phone_local", "hub. [[phone:0812-3456-7890]] (Andi)", None),
    ("phone_local", "Nomor saya [[phone:0857 1234 5678]], tolong ditelepon balik.", None),
    ("phone_local", "telp [[phone:0813.9876.5432]] min, sudah 3 hari tidak ada balasan", None),
    ("phone_local", "WA ke [[phone:0896-1122-3344]] aja kak biar cepet", None),
    ("phone_local", "Bisa hubungi saya di [[phone:08112345678]]", None),
    ("phone_local", "sms ke [[phone:0878 9988 7766]] ya", None),
    ("phone_local", "Hp istri saya [[phone:0821-4455-6677]], dia yang antre kemarin", None),
    ("phone_local", "[[phone:085212345678]] ini nomor saya pak, mohon dihubungi", None),
    ("phone_local", "Nomor lama saya [[phone:0812-345-678]] sudah tidak aktif", None),
    ("phone_local", "cp: [[phone:0838 1234 5678]]", None),
    ("phone_local", "Tanya2 lgs aja ke [[phone:0819-0000-1234]] kak", None),
    ("phone_local", "No HP [[phone:088212345678]] tidak bisa terima OTP", None),
    ("phone_local", "Telepon/WA: [[phone:0815-7788-9900]]", None),
    ("phone_local", "Telp.[[phone:08561234567]] a.n. Sri", None),
    # ---------------- mobile numbers, +62 / 62 form ----------------
    ("phone_intl", "WA saya [[phone:+62 812-3456-7890]] min", None),
    ("phone_intl", "hubungi [[phone:+6281234567890]] (Rina)", None),
    ("phone_intl", "Nomor: [[phone:62-812-3456-7890]]", None),
    (
        "phone_intl",
        "[[phone:+62 857 1234 5678]] ini nomor adik saya, dia hilang sejak kemarin",
        None,
    ),
    ("phone_intl", "Call me [[phone:+62 (812) 3456 7890]]", None),
    ("phone_intl", "kontak [[phone:6281398765432]] ya kak", None),
    ("phone_intl", "WA [[phone:(+62) 896-1122-3344]]", None),
    ("phone_intl", "Silakan chat wa.me/[[phone:6281122334455]] aja", None),
    ("phone_intl", "[[phone:+62 821 4455 6677]] — nomor yang bisa dihubungi", None),
    ("phone_intl", "no wa [[phone:+62-878-9988-7766]]", None),
    ("phone_intl", "hp: [[phone:+62.813.9876.5432]]", None),
    ("phone_intl", "Tolong telepon [[phone:+62 815 7788 9900]] sekarang, darurat!", None),
    ("phone_intl", "WA [[phone:+62 0812-3456-7890]] (wa only)", None),
    # ---------------- mobile numbers with the area code in brackets ----------------
    ("phone_bracket", "Nomor saya [[phone:(0812) 3456-7890]]", None),
    ("phone_bracket", "[[phone:(0857) 1234 5678]] - Siti, warga RT 05", None),
    ("phone_bracket", "hubungi [[phone:(0821)44556677]] ya", None),
    ("phone_bracket", "WA [[phone:(0813) 9876.5432]]", None),
    ("phone_bracket", "Telp. [[phone:(0896) 1122 3344]] (siang saja)", None),
    ("phone_bracket", "Bisa ke nomor ini [[phone:(0819)-0000-1234]]", None),
    ("phone_bracket", "nomor saya ([[phone:0812 3456 7890]]) tolong disimpan", None),
    # ---------------- e-mail addresses ----------------
    (
        "email",
        "Sudah saya email dari [[email:budi.santoso88@gmail.com]] tapi belum dibalas",
        None,
    ),
    ("email", "kirim ke [[email:rina_putri@yahoo.co.id]] ya min", None),
    ("email", "Email saya [[email:andi+lapor@outlook.com]]", None),
    (
        "email",
        "[[email:Siti.Nurhaliza@Gmail.com]] itu email saya, tolong kirim formulirnya",
        None,
    ),
    ("email", "bisa dikirim ke [[email:dewi.lestari_1990@ymail.com]]?", None),
    ("email", "email: [[email:agus-salim@mail.co.id]].", None),
    (
        "email",
        "Tolong balas ke [[email:warga.sukamaju@gmail.com]], terima kasih.",
        None,
    ),
    ("email", "email sy [[email:joko_w123@hotmail.com]] udh verifikasi blm ya", None),
    ("email", "kontak saya [[email:budi [at] gmail [dot] com]]", None),
    ("email", "email ke [[email:rina(at)yahoo.com]] aja", None),
    (
        "email",
        "CV sudah saya kirim dari [[email:fajar.nugroho@student.univ.ac.id]]",
        None,
    ),
    (
        "email",
        "[[email:ibu.ani@gmail.com]]/[[email:pak.anto@gmail.com]] dua-duanya email keluarga saya",
        None,
    ),
    ("email", "Sudah kirim ke [[email:staf.budi@sukamajukota.go.id]] tapi belum dibalas", None),
    # ---------------- @handles of citizens ----------------
    ("handle", "[[handle:@budi_santoso88]] itu hoax, jangan percaya", None),
    ("handle", "kata [[handle:@rina.putri__]] kemarin antreannya panjang banget", None),
    ("handle", "cc [[handle:@andi_wijaya]] [[handle:@siti.nur]] coba baca ini", None),
    (
        "handle",
        "Akun [[handle:@infosukamaju_update]] sering sebar berita palsu min, tolong ditindak",
        None,
    ),
    ("handle", "[[handle:@Dewi_Lestari]] sabar ya kak", None),
    ("handle", "Halo [[handle:@joko123]], sudah coba ke kecamatan?", None),
    ("handle", "mention [[handle:@fajar.nugroho]] biar dia tau", None),
    ("handle", "ini dia orangnya [[handle:@agus_salim_]]!!", None),
    ("handle", "Setuju sama [[handle:@ibu_ani.official]].", None),
    ("handle", "[[handle:@pakRT05]] tolong umumkan di grup", None),
    ("handle", "balas ke [[handle:@warga_kritis]] dong min jangan diem aja", None),
    ("handle", "(via [[handle:@citizen_journalist_id]])", None),
    ("handle", "akunnya tiktok.com/[[handle:@sukamaju.viral]] yang nyebarin", None),
    # ---------------- several kinds, with harmless numbers and allowlists ----------------
    (
        "mixed",
        "NIK [[nik:3273015708900003]], HP [[phone:0812-3456-7890]], email [[email:budi.santoso88@gmail.com]]. Mohon dibantu.",
        None,
    ),
    (
        "mixed",
        "Antre sejak 07.30 di loket 3, nomor saya [[phone:0857 1234 5678]], sampai 11.45 belum dipanggil",
        None,
    ),
    (
        "mixed",
        "Sudah bayar Rp 350.000 tgl 12-05-2026, bukti sudah dikirim ke [[email:rina_putri@yahoo.co.id]]",
        None,
    ),
    (
        "mixed",
        "[[handle:@andi_wijaya]] coba WA [[phone:+62 813-9876-5432]] itu nomor pak RT",
        None,
    ),
    (
        "mixed",
        "NIK [[nik:3201 2345 6789 0001]] KK [[nik:3201 0212 1500 0007]] no hp [[phone:081234567890]]",
        None,
    ),
    (
        "mixed",
        "@Diskominfo_Sukamaju tolong bantu, WA saya [[phone:0812-3456-7890]]",
        H("diskominfo_sukamaju"),
    ),
    (
        "mixed",
        "Sudah WA ke 0811-2233-4455 (nomor resmi) tapi yang bales malah nomor [[phone:0813 1111 2222]]",
        N("+62 811 2233 4455"),
    ),
    (
        "mixed",
        "Sudah kirim ke humas@sukamajukota.go.id dari [[email:dewi.lestari_1990@ymail.com]] tgl 3 Mei",
        E("humas@sukamajukota.go.id"),
    ),
    (
        "mixed",
        "Tiket KRL 2 org Rp 10.000, nomor pesanan 2405131234567890, tapi NIK saya [[nik:3578044212680002]] ditolak",
        None,
    ),
    (
        "mixed",
        "VA BRI 8880812345678901 atas nama saya, hp [[phone:0812 9999 0000]]",
        None,
    ),
    (
        "mixed",
        "x.com/humas/status/1790123456789012345 — yang posting pertama [[handle:@budi_santoso88]]",
        None,
    ),
    (
        "mixed",
        "Darurat! hubungi 112 atau keluarga saya di [[phone:0821-4455-6677]]",
        None,
    ),
    (
        "mixed",
        "Versi aplikasi 3.12.0, HP saya [[phone:0896 1122 3344]], error terus sejak 08.00",
        None,
    ),
    (
        "mixed",
        "nomor surat 800/123/Diskominfo/2026 sudah saya terima, balasan ke [[email:joko_w123@hotmail.com]]",
        None,
    ),
    (
        "mixed",
        "tgl 17-08-2026 [[phone:081234567890]] hubungi saya",
        None,
    ),
    (
        "mixed",
        "NIK [[nik:3201234567890001]] [[phone:081298765432]] (a.n. Wati)",
        None,
    ),
    # ---------------- clean: no personal data at all ----------------
    ("clean", "Terima kasih informasinya, sangat membantu!", None),
    ("clean", "Pelayanannya lambat banget, kapan diperbaiki?", None),
    ("clean", "Mantap min, lanjutkan 👍", None),
    ("clean", "Apakah kantor buka hari Sabtu?", None),
    ("clean", "hoax tuh jangan disebar", None),
    ("clean", "Kapan jadwal vaksin di puskesmas dekat rumah saya?", None),
    ("clean", "Jalan di depan pasar rusak parah, mohon segera diperbaiki.", None),
    ("clean", "min, kok webnya gak bisa dibuka ya", None),
    ("clean", "Semoga sukses acaranya, Pak Wali!", None),
    ("clean", "Alhamdulillah sudah jadi e-KTP nya, makasih Dukcapil", None),
    ("clean", "Syarat bikin paspor apa aja ya kak?", None),
    ("clean", "Kenapa antrean online penuh terus?", None),
    ("clean", "Bagus programnya, tapi sosialisasinya kurang", None),
    ("clean", "Info lowongan CPNS kapan dibuka?", None),
    ("clean", "Mohon lampu jalan di gang kami diperbaiki, gelap sekali malam hari.", None),
    ("clean", "Jangan kirim NIK atau nomor HP di kolom komentar ya, lewat DM saja.", None),
    # ================= HARD NEGATIVES =================
    # ---- money ----
    ("rp_amount", "Biaya pembuatan paspor Rp 350.000, jangan mau dimintai lebih.", None),
    ("rp_amount", "kok di loket diminta Rp1.500.000?? katanya gratis", None),
    ("rp_amount", "Anggaran proyek ini Rp 12.500.000.000, transparan gak tuh", None),
    ("rp_amount", "cuma 50rb kok bayarnya, murah", None),
    ("rp_amount", "Dana desa Rp 1.234.567.890.123 dipakai buat apa?", None),
    ("rp_amount", "Beli 3 kaos seragam @75rb, totalnya 225rb", None),
    ("rp_amount", "Denda tilang Rp 500.000,00 dibayar lewat bank", None),
    ("rp_amount", "Total utang daerah Rp 1.000.000.000.000.000? Serius?", None),
    ("rp_amount", "Harga tiket Rp 150.000 / orang, anak-anak Rp 75.000", None),
    ("rp_amount", "IDR 2.750.000 per bulan untuk honorer, layak gak?", None),
    ("rp_amount", "Pajak kendaraan saya naik dari Rp 1.250.000 jadi Rp 1.875.000", None),
    ("rp_amount", "Harga @Rp50.000 per orang sudah termasuk makan", None),
    ("rp_amount", "Sewa gedung 2.500.000 + 1.250.000 + 750.000 = 4.500.000", None),
    # ---- times ----
    ("time", "Layanan buka pukul 08.00–15.30 WIB", None),
    ("time", "jam 08:00 s/d 12:00 loket tutup", None),
    ("time", "Antre dari jam 07.15 sampai 11.45 belum dipanggil", None),
    ("time", "Jadwal: 08.00-12.00 13.00-15.00", None),
    ("time", "Senin-Jumat 07.30-16.00, Sabtu 08.00-12.00", None),
    ("time", "sesi 08.00 08.30 09.00 09.30 sudah penuh semua", None),
    ("time", "pukul 10.30 WITA acara dimulai", None),
    ("time", "Besok jam 8 pagi ya, jangan telat", None),
    ("time", "Kereta berangkat 05.45, tiba 08.12", None),
    ("time", "0800 WIB apel pagi, 1300 WIB rapat", None),
    ("time", "Kumpul di balai desa @10.30 ya", None),
    # ---- dates ----
    ("date", "Pendaftaran dibuka 17-08-2026 sampai 31-08-2026", None),
    ("date", "tgl 08-12-2026 10.30 di aula kecamatan", None),
    ("date", "Sejak 01/01/2026 aturan baru berlaku", None),
    ("date", "Jadwal 2026-05-12 s.d. 2026-05-19", None),
    ("date", "Acara tanggal 17 Agustus 2026 jam 07.00", None),
    ("date", "periode 20260501–20260531", None),
    ("date", "08 12 2026 batas akhir pengumpulan berkas", None),
    ("date", "Lahir 17.08.1990, umur berapa sekarang?", None),
    ("date", "Tahun 2019, 2020, 2021 anggarannya naik terus", None),
    ("date", "libur 25-12-2026 dan 01-01-2027", None),
    ("date", "Sidang 08-12-2026 08.30 s/d 12.00", None),
    # ---- order, booking, payment and virtual-account numbers ----
    (
        "order_or_va_number",
        "Sudah transfer ke VA BCA 8808 1234 5678 9012 tapi status belum lunas",
        None,
    ),
    ("order_or_va_number", "No. VA: 8277081234567890, bayar lewat m-banking bisa?", None),
    ("order_or_va_number", "nomor virtual account 7001234567890123 kok expired", None),
    ("order_or_va_number", "No. pesanan 2405131234567890 belum dikirim", None),
    ("order_or_va_number", "kode booking 1234567890123456 tidak bisa dicetak", None),
    ("order_or_va_number", "Order ID: 240513ABCD1234, mohon dicek", None),
    ("order_or_va_number", "resi JNE 012345678901234 belum update", None),
    ("order_or_va_number", "kode bayar BPJS 8888801234567890 sudah dibayar", None),
    ("order_or_va_number", "ID billing 820260512345678 untuk PNBP paspor", None),
    ("order_or_va_number", "No. transaksi 1234567890123456, mohon refund", None),
    ("order_or_va_number", "Invoice INV/2026/05/000123 belum dibayar", None),
    ("order_or_va_number", "va mandiri 8950812345678901 ya kak", None),
    ("order_or_va_number", "Bayar retribusi pakai kode billing 0812345678901234 ya", None),
    # ---- post ids (19-digit X, 15-17-digit Facebook) ----
    ("post_id_19", "Lihat x.com/humas_sukamaju/status/1790123456789012345", None),
    ("post_id_19", "tweet 1790123456789012345 kok dihapus min?", None),
    ("post_id_19", "ID postingan FB 10234567890123456 dilaporkan spam", None),
    ("post_id_19", "https://www.facebook.com/123456789012345_987654321098765", None),
    ("post_id_19", "https://www.facebook.com/photo?fbid=1023456789012345", None),
    ("post_id_19", "cek post 1790123456789012345 dan 1790123456789012346", None),
    ("post_id_19", "postingan https://www.instagram.com/p/C7xYz12AbCd/ sudah dihapus", None),
    ("post_id_19", "ID status 1801234567890123456 dibalas 12.345 orang", None),
    (
        "post_id_19",
        "fb.com/story.php?story_fbid=10234567890123456&id=100012345678901",
        None,
    ),
    ("post_id_19", "twitter.com/i/web/status/1790123456789012345 ini hoax?", None),
    # ---- official letter and regulation numbers ----
    ("letter_number", "Nomor: 800/123/Diskominfo/2026", None),
    ("letter_number", "Surat Edaran No. 440/1234/Dinkes/V/2026 sudah terbit", None),
    ("letter_number", "Sesuai SK Nomor 188.45/1234/KPTS/2026", None),
    ("letter_number", "Nomor: B-1234/KOM.01.02/05/2026", None),
    ("letter_number", "Perwal Nomor 12 Tahun 2026 tentang tarif parkir", None),
    ("letter_number", "UU 27/2022 soal data pribadi gimana penerapannya?", None),
    ("letter_number", "Permenpan RB 83/2012 sudah usang belum?", None),
    ("letter_number", "No. 045.2/5678/BPBD/2026 perihal siaga banjir", None),
    ("letter_number", "Nota Dinas Nomor 000.1.2.3/456/Setda", None),
    ("letter_number", "Inpres 9/2015 tentang komunikasi publik", None),
    # ---- emergency and official service numbers ----
    ("emergency_number", "Kalau darurat langsung telepon 112 aja", None),
    ("emergency_number", "Polisi 110, Damkar 113, Ambulans 119", None),
    ("emergency_number", "Call center Halo Kemenkes 1500-567", None),
    ("emergency_number", "Hubungi SAPA 129 untuk kekerasan pada perempuan dan anak", None),
    ("emergency_number", "Layanan bebas pulsa 0800 1 835 566", None),
    ("emergency_number", "Pengaduan PLN 123, atau 1500-888", None),
    ("emergency_number", "Hotline 1500 111 buka 24 jam", None),
    ("emergency_number", "Telepon 08001234567 bebas pulsa", None),
    ("emergency_number", "Basarnas 115, BNPB 117", None),
    ("emergency_number", "Kontak darurat: 112 / 110 / 119", None),
    ("emergency_number", "Bebas pulsa 0800-1-500-123 (24 jam)", None),
    # ---- the agency's own numbers, allowlisted (formatted differently) ----
    (
        "agency_hotline_allowlisted",
        "Pengaduan lewat WA 0811-2233-4455 ya kak",
        N("+62 811 2233 4455"),
    ),
    (
        "agency_hotline_allowlisted",
        "Sudah chat ke +62 811 2233 4455 belum dibalas",
        N("081122334455"),
    ),
    (
        "agency_hotline_allowlisted",
        "wa.me/6281122334455 itu resmi kan min?",
        N("0811-2233-4455"),
    ),
    (
        "agency_hotline_allowlisted",
        "Nomor (0811) 2233-4455 ini benar punya Diskominfo?",
        N("62 811 2233 4455"),
    ),
    (
        "agency_hotline_allowlisted",
        "Layanan WA 0811.2233.4455 kok lama balasnya",
        N("+6281122334455"),
    ),
    (
        "agency_hotline_allowlisted",
        "WA Dukcapil 0812 7000 8000, buka jam 08.00",
        N("+62-812-7000-8000"),
    ),
    (
        "agency_hotline_allowlisted",
        "+62-821-5550-1234 nomor resmi RSUD ya?",
        N("0821 5550 1234"),
    ),
    (
        "agency_hotline_allowlisted",
        "telp ke 082155501234 tidak diangkat",
        N("(0821) 5550-1234"),
    ),
    (
        "agency_hotline_allowlisted",
        "Hubungi Humas di 0813-1000-2000 atau 112",
        N("6281310002000"),
    ),
    (
        "agency_hotline_allowlisted",
        "Kanal WA 62 811 2233 4455 aktif 24 jam?",
        N("0811 2233 4455"),
    ),
    # ---- the agency's own e-mail addresses, allowlisted ----
    (
        "agency_email_allowlisted",
        "Kirim berkas ke humas@sukamajukota.go.id ya",
        E("humas@sukamajukota.go.id"),
    ),
    (
        "agency_email_allowlisted",
        "Sudah email ke HUMAS@SukamajuKota.go.id, belum ada balasan",
        E("humas@sukamajukota.go.id"),
    ),
    (
        "agency_email_allowlisted",
        "pengaduan ke ppid@mekarsarikab.go.id aja",
        E("PPID@mekarsarikab.go.id"),
    ),
    (
        "agency_email_allowlisted",
        "info lengkap: dukcapil@sukamajukota.go.id",
        E("dukcapil@sukamajukota.go.id"),
    ),
    (
        "agency_email_allowlisted",
        "Email resmi RSUD: rsud.sukamaju@sukamajukota.go.id",
        E("rsud.sukamaju@sukamajukota.go.id"),
    ),
    (
        "agency_email_allowlisted",
        "kirim CV ke rekrutmen.bkpsdm@mekarsarikab.go.id",
        E("rekrutmen.bkpsdm@mekarsarikab.go.id"),
    ),
    (
        "agency_email_allowlisted",
        "Apakah humas@sukamajukota.go.id masih aktif?",
        E("Humas@SukamajuKota.go.id"),
    ),
    (
        "agency_email_allowlisted",
        "Saran & kritik: kominfo@mekarsarikab.go.id.",
        E("kominfo@mekarsarikab.go.id"),
    ),
    (
        "agency_email_allowlisted",
        "email ke layanan.paspor@imigrasi-sukamaju.go.id",
        E("layanan.paspor@imigrasi-sukamaju.go.id"),
    ),
    (
        "agency_email_allowlisted",
        "cc: humas@sukamajukota.go.id, ppid@sukamajukota.go.id",
        E("humas@sukamajukota.go.id", "ppid@sukamajukota.go.id"),
    ),
    # ---- the agency's own handles, allowlisted ----
    (
        "agency_handle_allowlisted",
        "@Diskominfo_Sukamaju mohon info jadwal vaksin",
        H("diskominfo_sukamaju"),
    ),
    (
        "agency_handle_allowlisted",
        "cc @humaskabmekarsari @bpbd_mekarsari",
        H("humaskabmekarsari", "bpbd_mekarsari"),
    ),
    (
        "agency_handle_allowlisted",
        "Terima kasih @RSUD.Sukamaju pelayanannya cepat",
        H("rsud.sukamaju"),
    ),
    (
        "agency_handle_allowlisted",
        "min @dukcapil.sukamaju tolong dibalas",
        H("@dukcapil.sukamaju"),
    ),
    (
        "agency_handle_allowlisted",
        "Sudah mention @PEMKOT_SUKAMAJU berkali-kali",
        H("pemkot_sukamaju"),
    ),
    (
        "agency_handle_allowlisted",
        "Follow juga @kominfo_mekarsari ya",
        H("Kominfo_Mekarsari"),
    ),
    (
        "agency_handle_allowlisted",
        "Kata @imigrasi_sukamaju antrean paspor online dibuka jam 08.00",
        H("imigrasi_sukamaju"),
    ),
    (
        "agency_handle_allowlisted",
        "@humas_sukamaju @humas_sukamaju @humas_sukamaju halo???",
        H("humas_sukamaju"),
    ),
    (
        "agency_handle_allowlisted",
        "Laporan via @lapor_sukamaju sudah masuk",
        H("lapor_sukamaju"),
    ),
    (
        "agency_handle_allowlisted",
        "(@dinkes.mekarsari) tolong klarifikasi",
        H("dinkes.mekarsari"),
    ),
    # ---- version numbers ----
    ("version_number", "Update aplikasi ke versi 2.3.1 dulu kak", None),
    ("version_number", "SIAP Online v10.4.12 masih error", None),
    ("version_number", "HP saya Android 14, iOS 17.5.1 punya adik juga sama", None),
    ("version_number", "build 2026.05.13.1234 crash pas login", None),
    ("version_number", "aplikasi v3.12.0-beta kok minta izin lokasi", None),
    ("version_number", "Chrome 124.0.6367.207 tidak bisa buka situsnya", None),
    ("version_number", "versi 1.0.0.1234567 ya yang terbaru?", None),
    ("version_number", "PeduliLindungi 4.5.6 sudah tidak dipakai", None),
    ("version_number", "Windows 10.0.19045.4291 tidak kompatibel", None),
    ("version_number", "firmware 08.12.2026.01 bikin HP restart terus", None),
    # ---- counts ----
    ("count", "Sudah 1.250 orang antre sejak pagi", None),
    ("count", "Pengikut akun ini 12.345, kok turun?", None),
    ("count", "Total penduduk 1.234.567 jiwa", None),
    ("count", "Dari 10 loket cuma 2 yang buka", None),
    ("count", "Sudah ditonton 3.201.234 kali", None),
    ("count", "Vaksin tersalurkan 2.345.678.901 dosis secara nasional", None),
    ("count", "Like 15rb, komen 2,3rb", None),
    ("count", "1.000.000 penerima bansos tahap 1", None),
    ("count", "Nomor antrean 081, sekarang baru 045", None),
    ("count", "Korban banjir 1.023 KK di 12 desa", None),
    ("count", "Peserta 3.201 orang, 2.345 orang sudah vaksin, 856 belum", None),
]


def parse(marked: str) -> tuple[str, list[dict]]:
    """Strip ``[[type:value]]`` markers; return the plain text and its spans."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        kind, value = m.group(1), m.group(2)
        spans.append({"start": length, "end": length + len(value), "type": kind, "value": value})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    for s in spans:
        assert text[s["start"] : s["end"]] == s["value"]
    assert "[[" not in text and "]]" not in text, marked
    return text, spans


def build() -> list[dict]:
    rows = []
    seen = set()
    for i, (category, marked, allow) in enumerate(RECORDS, start=1):
        assert category in CATEGORIES, category
        text, spans = parse(marked)
        assert text not in seen, f"duplicate text: {text}"
        seen.add(text)
        if category in HARD_NEGATIVE or category == "clean":
            assert not spans, f"hard negative with spans: {text}"
        else:
            assert spans, f"positive record without spans: {text}"
        if category.endswith("_allowlisted"):
            assert allow, f"allowlisted record without allowlist: {text}"
        row = {"id": i, "category": category, "text": text, "spans": spans}
        if allow:
            row["allow"] = allow
        rows.append(row)
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    cats = Counter(r["category"] for r in rows)
    hard = sum(cats[c] for c in HARD_NEGATIVE)
    types = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"{len(rows)} records, {hard} hard negatives ({hard / len(rows):.0%})")
    print("spans by type:", dict(types))
    print("records by category:", dict(cats))


if __name__ == "__main__":
    main()
