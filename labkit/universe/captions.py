"""Indonesian captions for the posts of the fictional universe.

Each topic has banks of headlines, openings, body sentences, closings and
hashtags, with slots (``{lokasi}``, ``{tgl}``, ``{jam}``, numbers...) filled per
post. Combining the parts with the slots makes nearly every caption unique, as
in a real account. The platform decides the shape: a long Instagram caption
with hashtags, a Facebook post, a 280-character X post, a TikTok line, a
YouTube title.

Everything named here is fictional: places come from :mod:`.agencies`, people
appear only by title ("Wali Kota", "Kepala Dinas"), never by name.
"""

from __future__ import annotations

import string

import numpy as np
import pandas as pd

from labkit.i18n import MONTHS, WEEKDAYS

TOPICS: tuple[str, ...] = (
    "paspor",
    "vaksinasi",
    "kesehatan",
    "layanan_rs",
    "adminduk",
    "bansos",
    "jalan_rusak",
    "banjir",
    "cuaca",
    "hari_besar",
    "ramadan_lebaran",
    "hoaks",
    "jam_layanan",
    "lowongan",
    "kegiatan",
    "wisata",
    "pengaduan",
)

TOPIC_LABELS = {
    "paspor": "Passport and immigration services",
    "vaksinasi": "Immunisation and vaccination campaigns",
    "kesehatan": "Public health (dengue, posyandu, stunting, healthy living)",
    "layanan_rs": "Hospital services (clinic schedules, BPJS, blood donation)",
    "adminduk": "Civil registration (KTP-el, KK, birth certificates, digital ID)",
    "bansos": "Social assistance (bansos) and its distribution",
    "jalan_rusak": "Damaged roads and infrastructure repairs",
    "banjir": "Floods and disaster response",
    "cuaca": "Weather warnings and disaster preparedness",
    "hari_besar": "National and religious days (greetings, HUT RI 17 Agustus, Hari Pahlawan)",
    "ramadan_lebaran": "Ramadan, Lebaran, mudik and holiday service changes",
    "hoaks": "Hoax clarifications ([HOAKS] posts)",
    "jam_layanan": "Service hours and office announcements",
    "lowongan": "Job vacancies, CPNS and PPPK recruitment",
    "kegiatan": "Activities of the agency and its head",
    "wisata": "Tourism, events and local promotion",
    "pengaduan": "Complaint channels and service standards",
}

EMOJI = {
    "paspor": "🛂",
    "vaksinasi": "💉",
    "kesehatan": "🩺",
    "layanan_rs": "🏥",
    "adminduk": "🪪",
    "bansos": "📦",
    "jalan_rusak": "🚧",
    "banjir": "🌊",
    "cuaca": "⛈️",
    "hari_besar": "🇮🇩",
    "ramadan_lebaran": "🌙",
    "hoaks": "⚠️",
    "jam_layanan": "⏰",
    "lowongan": "📢",
    "kegiatan": "📸",
    "wisata": "🏞️",
    "pengaduan": "📩",
}

# Each bank: head (headline), open, body, close, tags. Slots: {wilayah} {place}
# {instansi} {sapaan} {lokasi} {lokasi2} {tgl} {hari} {jam} {jam2} {n} {n2}
# {persen} {kuota} {pimpinan} {situs} {tahun} {hb} {bulan}
BANKS: dict[str, dict[str, tuple[str, ...]]] = {
    "paspor": {
        "head": (
            "Layanan Paspor {hari} Ini",
            "Kuota Antrean Paspor Ditambah",
            "Paspor Elektronik Kini Tersedia",
            "Jadwal Layanan Paspor Simpatik",
            "Cara Daftar Antrean Paspor Online",
            "Layanan Eazy Paspor di {lokasi}",
            "Info Penting Pemohon Paspor",
        ),
        "open": (
            "Halo {sapaan}! Mau ke luar negeri untuk umrah, liburan, atau studi?",
            "{sapaan}, kuota antrean paspor untuk {tgl} sudah dibuka.",
            "Kabar baik untuk warga {wilayah} yang ingin membuat paspor.",
            "Sudah punya rencana perjalanan ke luar negeri tahun {tahun}?",
            "Masih bingung persyaratan paspor? Simak informasi berikut.",
            "Kami kembali membuka layanan paspor jemput bola untuk warga {lokasi}.",
        ),
        "body": (
            "Pendaftaran antrean dilakukan melalui aplikasi resmi, tidak dipungut biaya di luar PNBP.",
            "Siapkan KTP-el, Kartu Keluarga, dan akta kelahiran atau ijazah asli saat datang.",
            "Kuota hari ini {kuota} pemohon, layanan dimulai pukul {jam} sampai {jam2} {zona}.",
            "Layanan Eazy Paspor hadir di {lokasi} pada {tgl}, minimal {n} pemohon per rombongan.",
            "Paspor elektronik 10 tahun tersedia bagi WNI berusia 17 tahun ke atas.",
            "Pemohon lansia, penyandang disabilitas, ibu hamil, dan anak mendapat layanan prioritas.",
            "Pembayaran PNBP dilakukan melalui bank persepsi setelah wawancara, simpan bukti bayarnya.",
            "Waspada calo! Petugas kami tidak pernah menawarkan jalur cepat berbayar.",
            "Pada pekan lalu tercatat {n2} paspor terbit dengan rata-rata waktu layanan {n} menit.",
            "Bagi yang kehilangan paspor, bawa surat keterangan hilang dari kepolisian.",
        ),
        "close": (
            "Informasi lengkap: {situs}.",
            "Ada pertanyaan? Hubungi layanan pengaduan kami di jam kerja.",
            "Yuk, datang tepat waktu sesuai jadwal antrean!",
            "Bagikan info ini ke keluarga yang akan berangkat, ya.",
            "Kami siap melayani dengan ramah, cepat, dan tanpa pungli.",
        ),
        "tags": ("ImigrasiMelayani", "LayananPaspor", "PasporElektronik", "AntiPungli", "WBBM"),
    },
    "vaksinasi": {
        "head": (
            "Bulan Imunisasi Anak Sekolah {tahun}",
            "Imunisasi Lengkap, Anak Sehat",
            "Jadwal Imunisasi di Posyandu {lokasi}",
            "Pekan Imunisasi Dunia",
            "Vaksin Gratis untuk Lansia",
            "Imunisasi Kejar untuk Balita",
        ),
        "open": (
            "{sapaan}, sudahkah si kecil mendapat imunisasi lengkap?",
            "Imunisasi adalah cara paling efektif melindungi anak dari penyakit berbahaya.",
            "Pemerintah {wilayah} kembali menggelar imunisasi gratis bagi anak dan lansia.",
            "Jangan lewatkan jadwal imunisasi di puskesmas terdekat, {sapaan}!",
            "Capaian imunisasi dasar lengkap di {wilayah} kini mencapai {persen}%.",
        ),
        "body": (
            "Imunisasi dilaksanakan di Puskesmas {lokasi} pada {tgl} pukul {jam}-{jam2}.",
            "Bawa buku KIA atau kartu imunisasi anak saat datang ke posyandu.",
            "Sebanyak {n2} siswa SD di {lokasi} telah mendapat imunisasi campak-rubela.",
            "Vaksin yang digunakan aman, halal, dan telah mendapat izin edar.",
            "Efek ringan seperti demam atau nyeri di bekas suntikan akan hilang dalam 1-2 hari.",
            "Target kami tahun ini {persen}% anak usia 0-11 bulan mendapat imunisasi dasar lengkap.",
            "Tim vaksinator keliling menyambangi {n} sekolah di {lokasi} dan {lokasi2}.",
            "Orang tua yang anaknya tertinggal jadwal dapat mengikuti imunisasi kejar.",
            "Layanan imunisasi gratis, cukup bawa KTP orang tua atau Kartu Keluarga.",
        ),
        "close": (
            "Lindungi buah hati dengan imunisasi lengkap.",
            "Info jadwal posyandu: hubungi puskesmas terdekat.",
            "Ayo ke posyandu, anak sehat keluarga bahagia!",
            "Tanyakan kepada kader posyandu di lingkungan Anda.",
        ),
        "tags": ("ImunisasiLengkap", "BIAS", "AnakSehat", "AyoImunisasi", "Posyandu"),
    },
    "kesehatan": {
        "head": (
            "Waspada Demam Berdarah di Musim Hujan",
            "Gerakan 3M Plus Cegah DBD",
            "Cegah Stunting Sejak Dini",
            "Cek Kesehatan Gratis di Puskesmas",
            "Posyandu Aktif, Keluarga Sehat",
            "Germas: Ayo Hidup Sehat",
            "Kenali Gejala Hipertensi",
        ),
        "open": (
            "Kasus DBD di {wilayah} meningkat, {sapaan} mohon waspada.",
            "Musim hujan telah tiba, saatnya berantas sarang nyamuk bersama-sama.",
            "Pemeriksaan kesehatan gratis kini dapat diakses di semua puskesmas di {wilayah}.",
            "Stunting bisa dicegah sejak masa kehamilan, {sapaan}.",
            "Hari ini kader kesehatan turun ke {lokasi} untuk pemeriksaan rutin warga.",
            "Jaga kesehatan keluarga dengan langkah sederhana setiap hari.",
        ),
        "body": (
            "Lakukan 3M Plus: menguras, menutup, mendaur ulang, dan mencegah gigitan nyamuk.",
            "Hingga pekan ini tercatat {n} kasus DBD, turun {persen}% dibandingkan bulan lalu.",
            "Fogging dilakukan di {lokasi} pada {tgl}, warga diminta menutup makanan dan minuman.",
            "Pemeriksaan tekanan darah, gula darah, dan kolesterol gratis bagi warga berusia 15 tahun ke atas.",
            "Ibu hamil dianjurkan memeriksakan kehamilan minimal enam kali selama masa kehamilan.",
            "Pemberian tablet tambah darah untuk remaja putri dilakukan di {n} sekolah.",
            "Posyandu {lokasi} menimbang {n2} balita bulan ini; {n} di antaranya perlu pendampingan gizi.",
            "Segera bawa ke fasilitas kesehatan bila demam tinggi lebih dari dua hari.",
            "Konsumsi makanan bergizi seimbang, perbanyak sayur dan buah, kurangi gula, garam, dan lemak.",
            "Juru pemantau jentik memeriksa {n2} rumah; angka bebas jentik mencapai {persen}%.",
        ),
        "close": (
            "Sehat dimulai dari rumah kita.",
            "Informasi lebih lanjut hubungi puskesmas terdekat.",
            "Mari bergerak bersama untuk {wilayah} yang lebih sehat.",
            "Jangan tunda periksa kesehatan, ya!",
        ),
        "tags": ("Germas", "CegahDBD", "CegahStunting", "HidupSehat", "CekKesehatanGratis"),
    },
    "layanan_rs": {
        "head": (
            "Jadwal Poliklinik Pekan Ini",
            "Layanan Rawat Jalan {hari}",
            "Donor Darah Bersama",
            "Daftar Online Rawat Jalan",
            "Layanan Pasien BPJS Kesehatan",
            "Dokter Spesialis Baru Bergabung",
            "Info Ketersediaan Tempat Tidur",
        ),
        "open": (
            "{sapaan}, berikut jadwal praktik dokter spesialis pekan ini.",
            "Kini pendaftaran rawat jalan bisa dilakukan secara online dari rumah.",
            "Setetes darah Anda sangat berarti bagi pasien yang membutuhkan.",
            "Kami terus berbenah untuk memberikan layanan terbaik bagi pasien.",
            "Info untuk pasien peserta JKN yang akan berobat di rumah sakit kami.",
        ),
        "body": (
            "Poli penyakit dalam buka {hari} pukul {jam}-{jam2}, kuota {kuota} pasien.",
            "Pendaftaran online dibuka H-7 hingga H-1 sebelum jadwal kunjungan.",
            "Kegiatan donor darah digelar {tgl} di aula rumah sakit mulai pukul {jam}.",
            "Pasien BPJS cukup membawa KTP-el dan surat rujukan dari FKTP yang masih berlaku.",
            "Ruang rawat inap kelas standar kini berjumlah {n} tempat tidur.",
            "Layanan IGD tetap buka 24 jam termasuk hari libur.",
            "Bulan lalu kami melayani {n2} kunjungan rawat jalan dengan waktu tunggu rata-rata {n} menit.",
            "Pengunjung pasien dibatasi dua orang dan jam besuk pukul {jam2}-19.00.",
            "Layanan hemodialisis menambah {n} mesin baru untuk mengurangi antrean.",
        ),
        "close": (
            "Semoga lekas sembuh untuk seluruh pasien.",
            "Informasi dan pengaduan: hubungi call center rumah sakit.",
            "Melayani dengan hati.",
            "Simpan info ini agar tidak tertinggal jadwal.",
        ),
        "tags": ("RSUDMelayani", "LayananKesehatan", "DonorDarah", "JKN", "RumahSakitDaerah"),
    },
    "adminduk": {
        "head": (
            "Rekam KTP-el Jemput Bola",
            "Aktivasi Identitas Kependudukan Digital",
            "Cetak KIA untuk Anak",
            "Layanan Adminduk Hari {hari}",
            "Urus Akta Kelahiran Tanpa Antre",
            "Pemutakhiran Data Kependudukan",
        ),
        "open": (
            "{sapaan}, sudah punya Identitas Kependudukan Digital (IKD)?",
            "Pelayanan administrasi kependudukan kini hadir lebih dekat dengan warga.",
            "Anak usia di bawah 17 tahun wajib memiliki Kartu Identitas Anak.",
            "Pemula yang genap berusia 17 tahun, segera rekam KTP-el ya!",
            "Layanan jemput bola perekaman KTP-el kembali hadir di {lokasi}.",
        ),
        "body": (
            "Perekaman KTP-el digelar di Kantor Kelurahan {lokasi} pada {tgl} pukul {jam}-{jam2}.",
            "Semua layanan adminduk gratis, tidak dipungut biaya apa pun.",
            "Syarat cetak KIA: fotokopi akta kelahiran, Kartu Keluarga, dan pas foto anak.",
            "Aktivasi IKD cukup membawa KTP-el dan ponsel pintar dengan nomor aktif.",
            "Hingga {bulan} tercatat {n2} warga telah mengaktifkan IKD.",
            "Layanan khusus bagi lansia dan penyandang disabilitas dapat dijadwalkan ke rumah.",
            "Pengurusan akta kelahiran selesai di hari yang sama bila berkas lengkap.",
            "Kuota layanan tatap muka hari ini {kuota} antrean; selebihnya melalui layanan online.",
            "Pastikan data di Kartu Keluarga sesuai dengan dokumen terbaru.",
        ),
        "close": (
            "Tertib adminduk, warga terlindungi.",
            "Info lebih lanjut kunjungi {situs}.",
            "Jangan percaya calo, urus sendiri gratis!",
            "Dukcapil makin dekat, makin cepat.",
        ),
        "tags": ("DukcapilMelayani", "AdmindukGratis", "KTPel", "IKD", "TertibAdminduk"),
    },
    "bansos": {
        "head": (
            "Penyaluran Bantuan Sosial Tahap {n}",
            "Cek Penerima Bansos",
            "Bantuan Pangan untuk Warga",
            "Pemutakhiran Data Penerima Bantuan",
            "Bansos Tepat Sasaran",
        ),
        "open": (
            "Penyaluran bantuan sosial tahap berikutnya di {wilayah} mulai dilaksanakan.",
            "{sapaan}, berikut cara mengecek status penerima bantuan sosial.",
            "Bantuan pangan beras {n} kg kembali disalurkan kepada keluarga penerima manfaat.",
            "Pemerintah memastikan bantuan sosial diterima oleh warga yang berhak.",
            "Masih ada warga yang belum terdata? Simak penjelasan berikut.",
        ),
        "body": (
            "Sebanyak {n2} keluarga penerima manfaat di {lokasi} menerima bantuan pada {tgl}.",
            "Status penerima dapat dicek melalui laman resmi dengan memasukkan nama dan wilayah sesuai KTP-el.",
            "Usulan penerima baru diajukan melalui kelurahan dan diverifikasi oleh pendamping sosial.",
            "Penyaluran dilakukan di kantor pos dan balai kelurahan mulai pukul {jam}.",
            "Penerima cukup membawa KTP-el dan undangan; pengambilan tidak dapat diwakilkan tanpa surat kuasa.",
            "Bantuan sosial tidak dipungut biaya apa pun. Laporkan bila ada pungutan.",
            "Hingga {bulan}, realisasi penyaluran telah mencapai {persen}% dari target.",
            "Data penerima dimutakhirkan setiap bulan berdasarkan musyawarah kelurahan.",
        ),
        "close": (
            "Laporkan penyimpangan melalui kanal pengaduan resmi.",
            "Bansos tepat sasaran, warga sejahtera.",
            "Hati-hati penipuan yang mengatasnamakan bantuan sosial.",
            "Info resmi hanya dari akun dan laman pemerintah.",
        ),
        "tags": ("BansosTepatSasaran", "BantuanSosial", "PerlindunganSosial", "CekBansos"),
    },
    "jalan_rusak": {
        "head": (
            "Perbaikan Jalan di {lokasi}",
            "Pemeliharaan Rutin Jalan Kota",
            "Progres Pembangunan Jembatan",
            "Tambal Sulam Jalan Berlubang",
            "Info Pengalihan Arus Lalu Lintas",
            "Laporan Jalan Rusak Ditindaklanjuti",
        ),
        "open": (
            "Menindaklanjuti laporan warga, perbaikan jalan di {lokasi} mulai dikerjakan.",
            "{sapaan}, mohon maaf atas ketidaknyamanannya selama perbaikan jalan.",
            "Pemerintah {wilayah} mempercepat perbaikan jalan yang rusak akibat hujan.",
            "Berikut progres pekerjaan infrastruktur pekan ini.",
            "Terima kasih atas laporan warga tentang jalan berlubang di {lokasi}.",
        ),
        "body": (
            "Perbaikan sepanjang {n2} meter ditargetkan selesai dalam {n} hari kerja.",
            "Selama pekerjaan berlangsung, arus lalu lintas dialihkan melalui {lokasi2}.",
            "Progres pembangunan jembatan {lokasi} telah mencapai {persen}%.",
            "Tim reaksi cepat menambal {n} titik jalan berlubang dalam sepekan terakhir.",
            "Pekerjaan dilakukan pukul {jam} hingga {jam2} untuk mengurangi kemacetan.",
            "Pengendara diimbau mengurangi kecepatan dan mengikuti rambu sementara.",
            "Anggaran pemeliharaan jalan tahun ini difokuskan pada ruas dengan lalu lintas padat.",
            "Saluran drainase di sisi jalan juga dinormalisasi agar air tidak menggenang.",
        ),
        "close": (
            "Laporkan jalan rusak melalui kanal pengaduan resmi, sertakan foto dan lokasi.",
            "Mohon maaf atas ketidaknyamanan yang ditimbulkan.",
            "Terima kasih atas kesabaran dan pengertiannya.",
            "Bersama membangun {wilayah}.",
        ),
        "tags": ("InfrastrukturMantap", "JalanMulus", "LaporJalanRusak", "PembangunanDaerah"),
    },
    "banjir": {
        "head": (
            "Update Penanganan Banjir",
            "Banjir Genangi {lokasi}",
            "Posko Pengungsian Dibuka",
            "Distribusi Logistik untuk Warga Terdampak",
            "Air Mulai Surut di {lokasi}",
            "Siaga Banjir",
        ),
        "open": (
            "Hujan deras sejak dini hari menyebabkan banjir di sejumlah titik di {wilayah}.",
            "Update {tgl} pukul {jam}: tim gabungan masih melakukan evakuasi warga.",
            "{sapaan}, berikut informasi terkini penanganan banjir.",
            "Tim reaksi cepat telah diterjunkan ke lokasi terdampak banjir.",
            "Kondisi banjir di {lokasi} berangsur membaik.",
        ),
        "body": (
            "Tercatat {n2} rumah di {lokasi} dan {lokasi2} terendam dengan ketinggian air {n}-{persen} cm.",
            "Sebanyak {n} keluarga mengungsi di posko balai kelurahan {lokasi}.",
            "Logistik berupa makanan siap saji, air bersih, dan selimut telah didistribusikan.",
            "Warga diimbau mematikan listrik dan mengamankan dokumen penting.",
            "Perahu karet dan personel gabungan disiagakan di titik rawan.",
            "Layanan kesehatan darurat tersedia di posko pengungsian selama 24 jam.",
            "Bagi warga yang membutuhkan evakuasi, hubungi Pusdalops yang siaga 24 jam.",
            "Pembersihan lumpur dan sampah pascabanjir dilakukan bersama warga.",
        ),
        "close": (
            "Tetap waspada dan ikuti arahan petugas.",
            "Informasi resmi hanya dari akun pemerintah; jangan mudah percaya kabar yang belum jelas.",
            "Mari saling membantu tetangga yang terdampak.",
            "Kami akan terus memperbarui informasi.",
        ),
        "tags": ("SiagaBencana", "InfoBanjir", "TangguhBencana", "KenaliBahayanya"),
    },
    "cuaca": {
        "head": (
            "Peringatan Dini Cuaca Ekstrem",
            "Prakiraan Cuaca Tiga Hari ke Depan",
            "Waspada Angin Kencang",
            "Siaga Musim Hujan",
            "Waspada Gelombang Tinggi",
        ),
        "open": (
            "Potensi hujan lebat disertai petir dan angin kencang diperkirakan terjadi di {wilayah}.",
            "{sapaan}, mari bersiap menghadapi puncak musim hujan.",
            "Peringatan dini cuaca berlaku {tgl} pukul {jam} hingga {jam2} waktu setempat.",
            "Berikut imbauan kesiapsiagaan menghadapi cuaca ekstrem.",
        ),
        "body": (
            "Wilayah yang berpotensi terdampak antara lain {lokasi} dan {lokasi2}.",
            "Hindari berteduh di bawah pohon besar dan papan reklame saat angin kencang.",
            "Nelayan diimbau tidak melaut karena gelombang dapat mencapai {n} meter.",
            "Bersihkan saluran air di sekitar rumah agar tidak terjadi genangan.",
            "Siapkan tas siaga bencana berisi dokumen penting, obat, dan senter.",
            "Kelembapan udara mencapai {persen}% dengan suhu udara 23-33 derajat Celsius.",
            "Warga di lereng bukit diminta waspada terhadap potensi tanah longsor.",
        ),
        "close": (
            "Pantau informasi resmi dan tetap waspada.",
            "Keadaan darurat? Hubungi Pusdalops 24 jam.",
            "Siap untuk selamat.",
        ),
        "tags": ("CuacaEkstrem", "SiagaBencana", "KesiapsiagaanBencana", "InfoCuaca"),
    },
    "hari_besar": {
        "head": (
            "Selamat {hb}",
            "Memperingati {hb}",
            "Peringatan {hb}",
        ),
        "open": (
            "Segenap keluarga besar {instansi} mengucapkan selamat memperingati {hb}.",
            "Selamat memperingati {hb}, {sapaan}!",
            "Hari ini kita memperingati {hb} dengan penuh rasa syukur.",
            "Dalam rangka {hb}, mari kita perkuat persatuan dan kepedulian.",
        ),
        "body": (
            "Semoga semangatnya menginspirasi kita untuk terus melayani masyarakat dengan sepenuh hati.",
            "Upacara peringatan digelar di halaman kantor pukul {jam} dan diikuti {n} pegawai.",
            "Mari jadikan momentum ini untuk mempererat kebersamaan di {wilayah}.",
            "Layanan tatap muka menyesuaikan hari libur nasional; layanan darurat tetap berjalan.",
            "Semoga membawa kedamaian, kebahagiaan, dan keberkahan bagi kita semua.",
            "Kami mengajak warga mengikuti rangkaian kegiatan di {lokasi}.",
        ),
        "close": (
            "Bersatu, berdaulat, rakyat sejahtera.",
            "Salam hangat dari kami.",
            "Terus melayani untuk negeri.",
        ),
        "tags": ("HariBesarNasional", "Indonesia", "BanggaIndonesia", "MerdekaMelayani"),
    },
    "ramadan_lebaran": {
        "head": (
            "Jam Layanan Selama Ramadan",
            "Mudik Aman dan Sehat",
            "Posko Mudik Lebaran {tahun}",
            "Marhaban ya Ramadan",
            "Layanan Setelah Libur Lebaran",
            "Pasar Murah Jelang Lebaran",
        ),
        "open": (
            "Marhaban ya Ramadan, {sapaan}! Selamat menunaikan ibadah puasa.",
            "Menjelang Idulfitri, arus mudik di {wilayah} mulai meningkat.",
            "Selama bulan Ramadan, jam layanan kami menyesuaikan.",
            "Persiapkan perjalanan mudik dengan aman dan nyaman.",
            "Jelang Lebaran, pasar murah kembali digelar untuk warga.",
        ),
        "body": (
            "Layanan dibuka pukul {jam} hingga {jam2}, Senin sampai Kamis; Jumat hingga pukul 14.30.",
            "Posko terpadu mudik didirikan di {lokasi} dan beroperasi 24 jam.",
            "Pasar murah digelar di {lokasi} pada {tgl} dengan {kuota} paket sembako bersubsidi.",
            "Pastikan kendaraan dalam kondisi prima dan beristirahatlah setiap {n} jam perjalanan.",
            "Pelayanan kembali normal setelah cuti bersama berakhir.",
            "Titipkan rumah kepada tetangga dan cabut peralatan listrik sebelum mudik.",
            "Cek kesehatan gratis bagi pengemudi tersedia di posko {lokasi2}.",
        ),
        "close": (
            "Mohon maaf lahir dan batin.",
            "Selamat mudik, hati-hati di jalan.",
            "Semoga ibadah puasa kita diterima.",
            "Jaga kesehatan selama berpuasa.",
        ),
        "tags": ("Ramadan", "MudikAman", "Lebaran", "IdulFitri", "RamadanBerkah"),
    },
    "hoaks": {
        "head": (
            "[HOAKS] Pesan Berantai Pendaftaran Bantuan Lewat Tautan",
            "[HOAKS] Akun WhatsApp Mengatasnamakan Pimpinan",
            "[HOAKS] Rekrutmen Pegawai Berbayar",
            "[HOAKS] Pemadaman Listrik Total Tiga Hari",
            "[HOAKS] Bendungan Jebol di {lokasi}",
            "[HOAKS] Pembagian Kuota Internet Gratis",
            "[HOAKS] Vaksin Mengandung Chip",
            "[DISINFORMASI] Foto Banjir Lama Disebar Ulang",
        ),
        "open": (
            "Beredar pesan berantai di media sosial dan grup percakapan tentang hal tersebut.",
            "{sapaan}, waspada informasi palsu yang mengatasnamakan {instansi}.",
            "Telah beredar unggahan yang menyesatkan terkait {wilayah}.",
            "Kami menerima banyak pertanyaan warga tentang kabar yang beredar sejak {hari}.",
        ),
        "body": (
            "Faktanya, {instansi} tidak pernah mengeluarkan informasi tersebut.",
            "Penjelasan: foto yang beredar adalah kejadian lama dan bukan di {lokasi}.",
            "Faktanya, seluruh pendaftaran resmi hanya melalui {situs} dan tidak dipungut biaya.",
            "Pimpinan kami tidak pernah meminta transfer uang atau data pribadi melalui pesan pribadi.",
            "Informasi itu telah dibantah oleh pihak berwenang dan dinyatakan tidak benar.",
            "Jangan klik tautan yang tidak dikenal dan jangan bagikan kode OTP kepada siapa pun.",
            "Hingga {tgl} tidak ada kejadian seperti yang disebutkan dalam pesan tersebut.",
        ),
        "close": (
            "Saring sebelum sharing!",
            "Laporkan konten hoaks melalui kanal aduan konten resmi.",
            "Cek fakta sebelum menyebarkan informasi.",
            "Informasi resmi hanya dari akun terverifikasi dan laman .go.id.",
        ),
        "tags": ("LawanHoaks", "SaringSebelumSharing", "CekFakta", "AntiHoaks"),
    },
    "jam_layanan": {
        "head": (
            "Jam Layanan Hari {hari}",
            "Pengumuman Jam Operasional",
            "Layanan Tetap Buka Akhir Pekan",
            "Perubahan Jadwal Layanan",
            "Layanan Online 24 Jam",
        ),
        "open": (
            "{sapaan}, berikut jam layanan kami untuk pekan ini.",
            "Sehubungan dengan kegiatan internal, terdapat penyesuaian jam layanan.",
            "Layanan kami tetap buka untuk memudahkan warga yang bekerja di hari biasa.",
            "Agar tidak menunggu lama, perhatikan jadwal layanan berikut.",
        ),
        "body": (
            "Senin-Kamis pukul {jam}-{jam2}, Jumat pukul {jam}-11.30 dan 13.30-15.00.",
            "Pada {tgl} layanan tatap muka ditiadakan; layanan online tetap berjalan.",
            "Layanan akhir pekan dibuka di {lokasi} setiap Sabtu pukul {jam}-12.00.",
            "Pengambilan nomor antrean ditutup satu jam sebelum layanan berakhir.",
            "Kuota harian {kuota} antrean dan dapat dipesan H-1 melalui aplikasi.",
            "Layanan prioritas tersedia bagi lansia, ibu hamil, dan penyandang disabilitas.",
        ),
        "close": (
            "Terima kasih atas perhatiannya.",
            "Mohon maaf atas ketidaknyamanannya.",
            "Kami siap melayani.",
            "Simpan dan bagikan info ini.",
        ),
        "tags": ("PelayananPublik", "InfoLayanan", "MelayaniSepenuhHati", "ZonaIntegritas"),
    },
    "lowongan": {
        "head": (
            "Pengumuman Seleksi CPNS {tahun}",
            "Seleksi PPPK Tahap {n}",
            "Lowongan Tenaga Kesehatan",
            "Hasil Seleksi Administrasi",
            "Jadwal Tes Kompetensi Dasar",
            "Waspada Penipuan Rekrutmen",
        ),
        "open": (
            "Seleksi calon aparatur sipil negara di lingkungan {instansi} resmi dibuka.",
            "{sapaan}, perhatikan jadwal dan persyaratan seleksi berikut.",
            "Pengumuman hasil seleksi administrasi dapat dilihat melalui laman resmi.",
            "Ingin berkarier sebagai ASN dan melayani masyarakat?",
        ),
        "body": (
            "Pendaftaran dibuka {tgl} sampai {n} hari ke depan melalui portal resmi seleksi nasional.",
            "Formasi yang tersedia sebanyak {n2} orang untuk berbagai jabatan.",
            "Tes kompetensi dasar dilaksanakan dengan sistem CAT di {lokasi}.",
            "Peserta wajib membawa KTP-el asli dan kartu ujian yang telah dicetak.",
            "Seleksi tidak dipungut biaya. Jangan percaya pihak yang menjanjikan kelulusan.",
            "Pengumuman kelulusan akhir disampaikan melalui {situs}.",
            "Masa sanggah dibuka selama tiga hari setelah pengumuman hasil seleksi.",
        ),
        "close": (
            "Persiapkan diri dengan baik dan semoga sukses!",
            "Info resmi hanya melalui kanal pemerintah.",
            "Tidak ada pungutan dalam proses seleksi.",
        ),
        "tags": ("SeleksiCASN", "CPNS", "PPPK", "ASNBerAKHLAK", "RekrutmenBersih"),
    },
    "kegiatan": {
        "head": (
            "{pimpinan} Tinjau {lokasi}",
            "Rapat Koordinasi Bersama Camat dan Lurah",
            "Kunjungan Kerja ke {lokasi}",
            "Penandatanganan Nota Kesepahaman",
            "Apel Pagi Bersama",
            "Sosialisasi Layanan Publik di {lokasi}",
            "Penghargaan Pelayanan Publik",
        ),
        "open": (
            "{pimpinan} melakukan kunjungan kerja ke {lokasi} pada {hari} ({tgl}).",
            "Bertempat di aula kantor, digelar rapat koordinasi lintas sektor.",
            "Dalam rangka meningkatkan kualitas layanan, {instansi} menggelar sosialisasi kepada warga.",
            "{instansi} meraih penghargaan atas inovasi pelayanan publik tahun {tahun}.",
            "Apel pagi hari ini diikuti seluruh pegawai di lingkungan {instansi}.",
        ),
        "body": (
            "Kegiatan dihadiri {n} peserta dari unsur kecamatan, kelurahan, dan tokoh masyarakat.",
            "{pimpinan} menegaskan pentingnya pelayanan yang cepat, ramah, dan bebas pungli.",
            "Pertemuan membahas tindak lanjut program prioritas hingga akhir tahun.",
            "Sosialisasi menjangkau {n2} warga di {lokasi} dan {lokasi2}.",
            "Kerja sama ini diharapkan mempercepat layanan bagi masyarakat.",
            "Dalam kesempatan itu juga diserahkan bantuan kepada {n} warga lanjut usia.",
            "Hasil evaluasi menunjukkan kepuasan masyarakat mencapai {persen}%.",
            "Peserta diajak berdialog langsung dan menyampaikan masukan.",
        ),
        "close": (
            "Terus bersinergi untuk {wilayah}.",
            "Melayani dengan sepenuh hati.",
            "Bersama kita bisa.",
            "Dokumentasi selengkapnya di {situs}.",
        ),
        "tags": ("BerAKHLAK", "BanggaMelayaniBangsa", "Sinergi", "KerjaNyata"),
    },
    "wisata": {
        "head": (
            "Festival Danau {place} {tahun}",
            "Libur Sekolah ke {place}",
            "Pesona {lokasi}",
            "Jadwal Atraksi Akhir Pekan",
            "Harga Tiket Masuk Kawasan Wisata",
            "UMKM Lokal Meriahkan Festival",
        ),
        "open": (
            "{sapaan}, akhir pekan ini ada apa di {wilayah}? Yuk, simak!",
            "Festival tahunan kembali digelar dengan beragam atraksi budaya.",
            "Liburan sekolah sudah dekat, saatnya merencanakan kunjungan wisata.",
            "Kawasan wisata kami siap menyambut pengunjung dengan fasilitas baru.",
        ),
        "body": (
            "Festival berlangsung {tgl} mulai pukul {jam} di {lokasi}.",
            "Tiket masuk Rp{n}.000 untuk dewasa dan gratis bagi anak di bawah 5 tahun.",
            "Sebanyak {n2} pengunjung tercatat datang selama libur panjang lalu.",
            "Tersedia {n} stan UMKM yang menjual kuliner dan kerajinan khas daerah.",
            "Jaga kebersihan dan buang sampah pada tempatnya selama berwisata.",
            "Parkir kendaraan tersedia di {lokasi2} dengan layanan angkutan ulang-alik.",
            "Kunjungan rombongan dapat dipesan melalui pusat informasi wisata.",
        ),
        "close": (
            "Ajak keluarga dan sahabat, sampai jumpa!",
            "Wisata aman, nyaman, dan berkesan.",
            "Bagikan foto terbaikmu dengan tagar resmi kami.",
        ),
        "tags": ("WonderfulIndonesia", "WisataDaerah", "DiIndonesiaAja", "PesonaNusantara"),
    },
    "pengaduan": {
        "head": (
            "Cara Menyampaikan Pengaduan",
            "Survei Kepuasan Masyarakat",
            "Maklumat Pelayanan",
            "Tindak Lanjut Aduan Warga",
            "Standar Pelayanan Publik",
        ),
        "open": (
            "Punya keluhan atau masukan tentang layanan kami, {sapaan}?",
            "Kami berkomitmen menindaklanjuti setiap pengaduan masyarakat.",
            "Bantu kami meningkatkan kualitas layanan dengan mengisi survei kepuasan.",
            "Berikut rekap tindak lanjut pengaduan masyarakat bulan {bulan}.",
        ),
        "body": (
            "Pengaduan dapat disampaikan melalui kanal aduan resmi, surel, atau datang langsung ke kantor.",
            "Bulan ini kami menerima {n2} aduan; {persen}% telah ditindaklanjuti.",
            "Setiap aduan dijawab paling lambat {n} hari kerja.",
            "Identitas pelapor dirahasiakan dan dilindungi.",
            "Survei kepuasan dapat diisi melalui pindai kode QR di ruang tunggu.",
            "Standar pelayanan kami pajang di ruang layanan dan di {situs}.",
        ),
        "close": (
            "Suara Anda membantu kami menjadi lebih baik.",
            "Terima kasih atas partisipasinya.",
            "Kami mendengar, kami bertindak.",
        ),
        "tags": ("PelayananPrima", "SuaraWarga", "ZonaIntegritas", "SurveiKepuasan"),
    },
}

DAYS_ID = WEEKDAYS["id"]
MONTHS_ID = MONTHS["id"]

# Platform text limits (characters) used to trim captions.
X_LIMIT = 280
YOUTUBE_TITLE_LIMIT = 100


def date_id(ts: pd.Timestamp, weekday: bool = False) -> str:
    """Format a date the Indonesian way: ``"Kamis, 16 Oktober 2025"``."""
    s = f"{ts.day} {MONTHS_ID[ts.month - 1]} {ts.year}"
    return f"{DAYS_ID[ts.weekday()]}, {s}" if weekday else s


_BOLD = {
    **{chr(ord("A") + i): chr(0x1D5D4 + i) for i in range(26)},
    **{chr(ord("a") + i): chr(0x1D5EE + i) for i in range(26)},
    **{chr(ord("0") + i): chr(0x1D7EC + i) for i in range(10)},
}
_BOLD_TABLE = str.maketrans(_BOLD)


def math_bold(text: str) -> str:
    """Write ``text`` in Unicode 'mathematical sans-serif bold' letters (NFKC undoes it)."""
    return text.translate(_BOLD_TABLE)


def _trim(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sp = cut.rfind(" ")
    return (cut[:sp] if sp > limit // 2 else cut).rstrip(" ,.;:") + "…"


def _obj(values) -> np.ndarray:
    """An object array of Python strings (fast element-wise ``+``)."""
    return np.asarray(values, dtype=object)


def _strs(values: np.ndarray) -> np.ndarray:
    return values.astype(str).astype(object)


def _fill(
    templates: tuple[str, ...], choice: np.ndarray, slots: dict[str, np.ndarray]
) -> np.ndarray:
    """Fill ``templates[choice[i]]`` with the slot values of post ``i`` (vectorised per template)."""
    out = np.empty(len(choice), dtype=object)
    for k, template in enumerate(templates):
        sel = np.flatnonzero(choice == k)
        if not len(sel):
            continue
        acc = np.full(len(sel), "", dtype=object)
        for literal, name, _spec, _conv in string.Formatter().parse(template):
            if literal:
                acc = acc + literal
            if name:
                acc = acc + slots[name][sel]
        out[sel] = acc
    return out


def _pyarrow_case(values: np.ndarray, upper: bool) -> np.ndarray:
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pa.array(values, type=pa.string())
    res = pc.utf8_upper(arr) if upper else pc.utf8_lower(arr)
    return _obj(res.to_numpy(zero_copy_only=False))


def compose(
    rng: np.random.Generator,
    *,
    topic: np.ndarray,
    platform: np.ndarray,
    content_type: np.ndarray,
    agency: np.ndarray,
    day: np.ndarray,
    greeting: np.ndarray,
    emoji: np.ndarray,
    camel: np.ndarray,
    bold: np.ndarray,
    agencies: list,
    days: pd.DatetimeIndex,
    tz_label: np.ndarray,
) -> np.ndarray:
    """Write one caption per post (vectorised over posts, one pass per template).

    Parameters
    ----------
    rng : numpy Generator
        Source of every choice (the result depends only on it and the inputs).
    topic, platform, content_type, agency, day : arrays
        Per post: topic index into :data:`TOPICS`, platform name, content type,
        agency index into ``agencies``, local-day index into ``days``.
    greeting : array of str
        Name of the national / religious day a ``hari_besar`` post marks ("" otherwise).
    emoji, camel, bold : bool arrays
        Account habits: emoji in the headline, CamelCase hashtags, a math-bold headline.
    tz_label : array of str
        WIB / WITA / WIT of each post's account (used in service-hour sentences).

    Returns
    -------
    ndarray of object
        The captions (X posts at most 280 characters, YouTube titles at most 100).
    """
    from labkit.universe.agencies import subplaces

    n = len(topic)
    topic = np.asarray(topic)
    agency = np.asarray(agency)
    day = np.asarray(day)
    # ---- every random draw, vectorised
    u_head, u_open, u_b1, u_b2, u_close = (rng.random(n) for _ in range(5))
    u_tags = rng.random((n, 3))
    n_tags = rng.integers(2, 6, size=n)
    lok_a = rng.integers(0, 12, size=n)
    lok_b = (lok_a + rng.integers(1, 12, size=n)) % 12
    off = rng.integers(0, 9, size=n)
    jam = rng.choice(_obj(["07.30", "08.00", "08.30", "09.00", "10.00", "13.00"]), size=n)
    jam2 = rng.choice(_obj(["12.00", "14.00", "15.00", "15.30", "16.00", "16.30"]), size=n)
    num = rng.integers(3, 60, size=n)
    num2 = np.round(rng.lognormal(5.5, 1.0, size=n)).astype(int) + 20
    persen = rng.integers(55, 99, size=n)
    kuota = rng.choice(np.array([40, 50, 60, 75, 80, 100, 120, 150, 200, 250, 300]), size=n)
    link_tail = rng.random(n) < 0.35
    fyp = rng.random(n) < 0.5

    # ---- slot values (object arrays of str, one per post)
    ext_days = pd.date_range(days[0], days[-1] + pd.Timedelta(days=9), freq="D")
    date_str = _obj([date_id(d) for d in ext_days])
    date_wd = _obj([date_id(d, weekday=True) for d in ext_days])
    day_name = _obj([DAYS_ID[d.weekday()] for d in ext_days])
    month_name = _obj([MONTHS_ID[d.month - 1] for d in ext_days])
    years = _obj([str(d.year) for d in ext_days])
    sub = np.array([subplaces(a) for a in agencies], dtype=object)  # (n_agencies, 12)

    def per_agency(values) -> np.ndarray:
        return _obj(values)[agency]

    fut = day + off
    n2 = _thousands(num2)
    slots = {
        "wilayah": per_agency(
            [a.region if a.region != "Nasional" else "seluruh Indonesia" for a in agencies]
        ),
        "place": per_agency([a.place for a in agencies]),
        "instansi": per_agency([a.short_name for a in agencies]),
        "sapaan": per_agency([_sapaan(a) for a in agencies]),
        "lokasi": sub[agency, lok_a],
        "lokasi2": sub[agency, lok_b],
        "tgl": date_wd[fut],
        "hari": day_name[fut],
        "jam": jam,
        "jam2": jam2,
        "n": _strs(num),
        "n2": n2,
        "persen": _strs(persen),
        "kuota": _strs(kuota),
        "pimpinan": per_agency([a.leader for a in agencies]),
        "situs": per_agency([a.website.removeprefix("https://") for a in agencies]),
        "tahun": years[day],
        "hb": np.where(
            np.asarray(greeting, dtype=object) == "", "hari besar nasional", greeting
        ).astype(object),
        "bulan": month_name[day],
        "zona": _obj(tz_label),
    }

    # ---- the parts of each caption, one template at a time
    head = np.empty(n, dtype=object)
    opening = np.empty(n, dtype=object)
    body1 = np.empty(n, dtype=object)
    body2 = np.empty(n, dtype=object)
    close = np.empty(n, dtype=object)
    tags = np.empty((n, 5), dtype=object)
    for t, name in enumerate(TOPICS):
        sel = np.flatnonzero(topic == t)
        if not len(sel):
            continue
        b = BANKS[name]
        sl = {k: v[sel] for k, v in slots.items()}
        head[sel] = _fill(b["head"], (u_head[sel] * len(b["head"])).astype(int), sl)
        opening[sel] = _fill(b["open"], (u_open[sel] * len(b["open"])).astype(int), sl)
        nb = len(b["body"])
        j1 = (u_b1[sel] * nb).astype(int)
        j2 = (j1 + 1 + (u_b2[sel] * (nb - 1)).astype(int)) % nb
        body1[sel] = _fill(b["body"], j1, sl)
        body2[sel] = _fill(b["body"], j2, sl)
        close[sel] = _fill(b["close"], (u_close[sel] * len(b["close"])).astype(int), sl)
        pool = _obj(b["tags"])
        tags[sel, 1:4] = pool[(u_tags[sel] * len(pool)).astype(int)]
    tags[:, 0] = per_agency([a.hashtag for a in agencies])
    tags[:, 4] = per_agency([_place_tag(a) for a in agencies])

    # ---- hashtags: distinct, the first n_tags, lowercase unless the account writes CamelCase
    keep = np.ones((n, 5), dtype=bool)
    for j in range(1, 5):
        for i in range(j):
            keep[:, j] &= tags[:, j] != tags[:, i]
    keep &= np.cumsum(keep, axis=1) <= n_tags[:, None]
    tag_text = np.full(n, "", dtype=object)
    for j in range(5):
        sep = np.where(tag_text == "", "#", " #").astype(object)
        tag_text = np.where(keep[:, j], tag_text + sep + tags[:, j], tag_text)
    lower = ~np.asarray(camel, dtype=bool)
    if lower.any():
        tag_text[lower] = _pyarrow_case(tag_text[lower], upper=False)
    first_tag = np.where(lower, _pyarrow_case(tags[:, 0], upper=False), tags[:, 0])

    # ---- headline habits: math-bold letters, emoji
    bold = np.asarray(bold, dtype=bool)
    if bold.any():
        idx = np.flatnonzero(bold)
        up = u_head[idx] < 0.5
        h = head[idx]
        if up.any():
            h[up] = _pyarrow_case(h[up], upper=True)
        head[idx] = _obj([math_bold(x) for x in h])
    emoji = np.asarray(emoji, dtype=bool)
    emo = _obj([EMOJI[name] + " " for name in TOPICS])[topic]
    head = np.where(emoji, emo + head, head)

    # ---- shape per platform
    platform = np.asarray(platform, dtype=object)
    ctype = np.asarray(content_type, dtype=object)
    site = per_agency([a.website for a in agencies])
    short = per_agency([a.short_name for a in agencies])
    text = np.empty(n, dtype=object)

    m = np.flatnonzero(platform == "instagram")
    if len(m):
        body = np.where(u_close[m] < 0.55, body1[m] + " " + body2[m], body1[m])
        text[m] = (
            head[m] + "\n\n" + opening[m] + " " + body + "\n\n" + close[m] + "\n\n" + tag_text[m]
        )

    m = np.flatnonzero(platform == "facebook")
    if len(m):
        fb = head[m] + "\n\n" + opening[m] + " " + body1[m] + "\n\n" + close[m]
        more = (ctype[m] == "link") | link_tail[m]
        fb[more] = fb[more] + "\n\nSelengkapnya: " + site[m][more] + "/berita"
        text[m] = fb + "\n\n" + tag_text[m]

    m = np.flatnonzero(platform == "x")
    if len(m):
        link = np.where(ctype[m] == "link", " " + site[m] + "/berita", "").astype(object)
        tail = " #" + first_tag[m]
        body_x = np.where(u_close[m] < 0.6, body1[m] + " " + body2[m], body1[m])
        main = head[m] + ": " + body_x
        room = X_LIMIT - _lengths(link) - _lengths(tail) - 2
        long = _lengths(main) > room
        for i in np.flatnonzero(long):
            main[i] = _trim(main[i], int(room[i]))
        text[m] = main + link + tail

    m = np.flatnonzero(platform == "tiktok")
    if len(m):
        h = head[m]
        long = _lengths(h) > 80
        for i in np.flatnonzero(long):
            h[i] = _trim(h[i], 80)
        text[m] = h + " " + tag_text[m] + np.where(fyp[m], " #fyp", "").astype(object)

    m = np.flatnonzero(platform == "youtube")
    if len(m):
        h, ct, u = head[m], ctype[m], u_close[m]
        title = np.where(
            ct == "live",
            "LIVE: " + h + " | " + date_str[day[m]],
            np.where(
                ct == "short_video",
                np.where(u < 0.5, h + " #Shorts", h + " | " + short[m] + " #Shorts"),
                np.where(
                    u < 0.5, h + " | " + short[m] + " | " + date_str[day[m]], h + " | " + short[m]
                ),
            ),
        ).astype(object)
        for i in np.flatnonzero(_lengths(title) > YOUTUBE_TITLE_LIMIT):
            title[i] = _trim(title[i], YOUTUBE_TITLE_LIMIT)
        text[m] = title
    return text


def _thousands(values: np.ndarray) -> np.ndarray:
    """Integers written the Indonesian way, with '.' between thousands (vectorised)."""
    v = np.asarray(values, dtype=np.int64)

    def group(x: np.ndarray, pad: np.ndarray) -> np.ndarray:
        g = (x % 1000).astype(str)
        return np.where(pad, np.char.zfill(g, 3), g).astype(object)

    out = group(v, v >= 1000)
    rest = v // 1000
    while (rest > 0).any():
        has = rest > 0
        out[has] = group(rest[has], rest[has] >= 1000) + "." + out[has]
        rest = rest // 1000
    return out


def _lengths(values: np.ndarray) -> np.ndarray:
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.utf8_length(pa.array(values, type=pa.string())).to_numpy(zero_copy_only=False)


def _sapaan(a) -> str:
    kind = a.kind
    if kind == "kantor_imigrasi":
        return "Sobat Imigrasi"
    if kind in ("dinas_kesehatan", "rsud"):
        return "Sobat Sehat"
    if kind == "dinas_dukcapil":
        return "Sahabat Dukcapil"
    if kind == "bpbd":
        return "Sobat Tangguh"
    if kind == "lembaga":
        return "Sahabat Wisata"
    if a.region == "Nasional":
        return "Sahabat Warga"
    return f"Warga {a.place}"


def _place_tag(a) -> str:
    from labkit.universe.agencies import camel

    return "Indonesia" if a.region == "Nasional" else camel(a.region)
