"""Trainee-facing messages of :mod:`labkit.ingest` (Bahasa Indonesia and English).

Every error names the file, the row and column where known, what is wrong and
what to do. Rows are numbered as a spreadsheet shows them (the header is row 1,
or later when the file starts with extra lines).
"""

from __future__ import annotations

from labkit import i18n

MESSAGES = {
    # ---------------------------------------------------------------- errors
    "ingest.not_found": {
        "id": "Berkas atau folder '{path}' tidak ditemukan. Periksa nama dan lokasinya (huruf besar/kecil berpengaruh), atau unggah berkas ekspor itu ke folder kerja Anda dulu.",
        "en": "The file or folder '{path}' does not exist. Check its name and location (letter case matters), or upload the export to your work folder first.",
    },
    "ingest.empty_file": {
        "id": "Berkas '{file}' kosong (0 baris). Unduh ulang ekspornya dari platform; bila tetap kosong, pilih rentang tanggal yang berisi postingan.",
        "en": "The file '{file}' is empty (no lines). Download the export again from the platform; if it stays empty, pick a date range that has posts.",
    },
    "ingest.binary_file": {
        "id": "Berkas '{file}' bukan berkas teks CSV melainkan {kind}, walaupun namanya berakhiran .csv. Unduh ulang ekspor CSV dari platform dan jangan mengganti nama berkas lain menjadi .csv.",
        "en": "The file '{file}' is not a CSV text file but {kind}, even though its name ends in .csv. Download the CSV export from the platform again and do not rename other files to .csv.",
    },
    "ingest.old_excel": {
        "id": "Berkas '{file}' berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai 'Excel Workbook (.xlsx)' atau 'CSV UTF-8', kemudian impor lagi.",
        "en": "The file '{file}' is an old Excel file (.xls). Open it in Excel and save it as 'Excel Workbook (.xlsx)' or 'CSV UTF-8', then import it again.",
    },
    "ingest.bad_xlsx": {
        "id": "Berkas Excel '{file}' tidak dapat dibuka ({reason}). Simpan ulang dari Excel sebagai .xlsx atau CSV, atau unduh ulang ekspornya.",
        "en": "The Excel file '{file}' cannot be opened ({reason}). Save it again from Excel as .xlsx or CSV, or download the export again.",
    },
    "ingest.bad_zip": {
        "id": "Berkas ZIP '{file}' rusak atau tidak lengkap ({reason}). Unduh ulang ekspornya dari platform.",
        "en": "The ZIP file '{file}' is damaged or incomplete ({reason}). Download the export again from the platform.",
    },
    "ingest.bad_encoding": {
        "id": "Teks berkas '{file}' tidak dapat dibaca (pengodean karakter tidak dikenal). Di Excel pilih Simpan Sebagai 'CSV UTF-8', atau unduh ulang ekspor aslinya.",
        "en": "The text of '{file}' cannot be read (unknown character encoding). In Excel use Save As 'CSV UTF-8', or download the original export again.",
    },
    "ingest.unknown_format": {
        "id": "Berkas '{file}' bukan ekspor analitik yang dikenali labkit. Judul kolomnya: {header}. Format yang dikenali: {known}. Pastikan Anda mengunggah berkas ekspor asli dari platform; bila judul kolomnya berbahasa lain, tambahkan padanannya di labkit/ingest/aliases.yaml.",
        "en": "The file '{file}' is not an analytics export labkit knows. Its column headers: {header}. Known formats: {known}. Make sure you upload the original export from the platform; if its headers are in another language, add them to labkit/ingest/aliases.yaml.",
    },
    "ingest.missing_columns": {
        "id": "Berkas '{file}' tampak seperti {layout}, tetapi kolom wajib tidak ada: {columns}. Jangan menghapus kolom sebelum impor; unduh ulang ekspor aslinya.",
        "en": "The file '{file}' looks like {layout}, but required columns are missing: {columns}. Do not delete columns before importing; download the original export again.",
    },
    "ingest.duplicate_column": {
        "id": "Berkas '{file}' memuat kolom '{column}' dua kali (kolom ke-{first} dan ke-{second}); labkit tidak dapat menebak mana yang benar. Hapus salah satunya (biasanya yang ditambahkan saat menyunting) atau unduh ulang ekspor aslinya.",
        "en": "The file '{file}' has the column '{column}' twice (columns {first} and {second}); labkit cannot tell which one is right. Delete one of them (usually the one added while editing) or download the original export again.",
    },
    "ingest.bad_rows": {
        "id": "Berkas '{file}': baris {rows} berisi {got} kolom, padahal judulnya {expected} kolom. Mungkin ada tanda kutip atau pemisah yang rusak saat berkas diedit. Unduh ulang ekspor aslinya, atau perbaiki baris itu.",
        "en": "File '{file}': row(s) {rows} have {got} columns while the header has {expected}. A quote or separator was probably broken when the file was edited. Download the original export again, or fix those rows.",
    },
    "ingest.truncated_row": {
        "id": "Berkas '{file}': baris terakhir (baris {row}) terpotong ({got} dari {expected} kolom) dan TIDAK diimpor. Berkas mungkin tidak terunduh utuh: unduh ulang bila Anda memerlukan baris itu.",
        "en": "File '{file}': the last row (row {row}) is cut off ({got} of {expected} columns) and was NOT imported. The download was probably incomplete: download again if you need that row.",
    },
    "ingest.unreadable": {
        "id": "Berkas '{file}' tidak dapat dibaca sebagai CSV ({reason}). Unduh ulang ekspor aslinya dari platform.",
        "en": "The file '{file}' cannot be read as CSV ({reason}). Download the original export from the platform again.",
    },
    "ingest.not_a_number": {
        "id": "Berkas '{file}', baris {row}, kolom '{column}': '{value}' bukan bilangan bulat ({n} sel seperti ini di kolom itu). Kolom ini harus berisi angka; perbaiki atau kosongkan sel itu, atau unduh ulang ekspor aslinya.",
        "en": "File '{file}', row {row}, column '{column}': '{value}' is not a whole number ({n} such cells in that column). This column must hold numbers; fix or empty that cell, or download the original export again.",
    },
    "ingest.count_too_large": {
        "id": "Berkas '{file}', baris {row}, kolom '{column}': '{value}' terlalu besar untuk sebuah jumlah. Periksa apakah sel itu berisi ID atau angka lain yang salah tempat; perbaiki sel itu atau unduh ulang ekspor aslinya.",
        "en": "File '{file}', row {row}, column '{column}': '{value}' is too large for a count. Check whether the cell holds an ID or another misplaced number; fix that cell or download the original export again.",
    },
    "ingest.not_a_decimal": {
        "id": "Berkas '{file}', baris {row}, kolom '{column}': '{value}' bukan angka ({n} sel seperti ini di kolom itu). Kolom ini harus berisi angka (boleh desimal); perbaiki atau kosongkan sel itu, atau unduh ulang ekspor aslinya.",
        "en": "File '{file}', row {row}, column '{column}': '{value}' is not a number ({n} such cells in that column). This column must hold numbers (decimals allowed); fix or empty that cell, or download the original export again.",
    },
    "ingest.negative_count": {
        "id": "Berkas '{file}', baris {row}, kolom '{column}': jumlah negatif '{value}' ({n} sel seperti ini). Jumlah (suka, komentar, jangkauan, ...) tidak mungkin negatif; periksa apakah berkas telah diedit, lalu perbaiki sel itu atau unduh ulang ekspornya.",
        "en": "File '{file}', row {row}, column '{column}': negative count '{value}' ({n} such cells). Counts (likes, comments, reach, ...) cannot be negative; check whether the file was edited, then fix that cell or download the export again.",
    },
    "ingest.ids_lost": {
        "id": "Berkas '{file}', baris {row}, kolom '{column}': ID postingan '{value}' telah diubah Excel menjadi angka yang dibulatkan, sehingga ID aslinya hilang dan tidak bisa dipulihkan. Unduh ulang ekspor CSV dari platform dan impor langsung TANPA membukanya di Excel (atau di Excel gunakan Data > Dari Teks/CSV dan atur kolom ID sebagai Teks).",
        "en": "File '{file}', row {row}, column '{column}': Excel turned the post ID '{value}' into a rounded number, so the real IDs are lost and cannot be recovered. Download the CSV export from the platform again and import it directly WITHOUT opening it in Excel (or in Excel use Data > From Text/CSV and set the ID column to Text).",
    },
    "ingest.missing_id": {
        "id": "Berkas '{file}', baris {row}, kolom '{column}': ID postingan kosong. Setiap postingan harus punya ID; jangan menghapus isi kolom itu, atau unduh ulang ekspornya.",
        "en": "File '{file}', row {row}, column '{column}': the post ID is empty. Every post needs its ID; do not clear that column, or download the export again.",
    },
    "ingest.repeated_header": {
        "id": "Berkas '{file}': baris {row} mengulang judul kolom, jadi dua ekspor tampaknya ditempel menjadi satu. Simpan setiap ekspor sebagai berkas terpisah lalu impor foldernya dengan read_exports(), atau hapus baris {row}.",
        "en": "File '{file}': row {row} repeats the column headers, so two exports seem to have been pasted together. Keep each export as a separate file and import the folder with read_exports(), or delete row {row}.",
    },
    "ingest.bad_date": {
        "id": "Berkas '{file}', baris {row}, kolom '{column}': '{value}' bukan tanggal/waktu yang dapat dibaca ({n} sel seperti ini). Jangan mengubah format tanggal di Excel; unduh ulang ekspor aslinya, atau perbaiki sel itu (contoh: 2026-07-14 09:30).",
        "en": "File '{file}', row {row}, column '{column}': '{value}' is not a date/time that can be read ({n} such cells). Do not change date formats in Excel; download the original export again, or fix that cell (e.g. 2026-07-14 09:30).",
    },
    "ingest.mixed_date_order": {
        "id": "Berkas '{file}', kolom '{column}': sebagian tanggal ditulis hari lebih dulu (baris {row_a}: '{value_a}') dan sebagian bulan lebih dulu (baris {row_b}: '{value_b}'). Urutan tidak bisa ditentukan dengan aman; unduh ulang ekspor aslinya tanpa membukanya di Excel.",
        "en": "File '{file}', column '{column}': some dates are day-first (row {row_a}: '{value_a}') and others month-first (row {row_b}: '{value_b}'). The order cannot be settled safely; download the original export again without opening it in Excel.",
    },
    "ingest.dayfirst_assumed": {
        "id": "Berkas '{file}', kolom '{column}': tanggal seperti '{value}' (baris {row}) bisa berarti hari/bulan atau bulan/hari, dan tidak ada tanggal di atas 12 yang memastikannya. Karena berkas telah melewati Excel berbahasa Indonesia, tanggal dibaca HARI lebih dulu. Bila salah, baca ulang dengan dayfirst=False.",
        "en": "File '{file}', column '{column}': dates like '{value}' (row {row}) could be day/month or month/day, and no day above 12 settles it. As the file went through Excel in an Indonesian setting, dates were read DAY first. If that is wrong, read again with dayfirst=False.",
    },
    "ingest.account_needed": {
        "id": "Berkas '{file}' ({platform}) tidak mencantumkan nama akun. Sebutkan akunnya, misalnya read_export(berkas, account='humaskotacontoh').",
        "en": "The file '{file}' ({platform}) does not name its account. Give it, e.g. read_export(file, account='humaskotacontoh').",
    },
    "ingest.platform_assumed": {
        "id": "Berkas '{file}' (metrik '{metric}') tidak menyebut platformnya; dianggap {platform}. Bila salah, baca ulang dengan platform='instagram' atau platform='facebook'.",
        "en": "The file '{file}' (metric '{metric}') does not name its platform; {platform} was assumed. If that is wrong, read again with platform='instagram' or platform='facebook'.",
    },
    "ingest.bad_platform": {
        "id": "Platform '{platform}' tidak dikenal. Gunakan salah satu: {known}.",
        "en": "Unknown platform '{platform}'. Use one of: {known}.",
    },
    "ingest.bad_tz": {
        "id": "Zona waktu '{tz}' tidak dikenal. Gunakan 'Asia/Jakarta' (WIB), 'Asia/Makassar' (WITA) atau 'Asia/Jayapura' (WIT); singkatan {known} juga boleh.",
        "en": "Unknown time zone '{tz}'. Use 'Asia/Jakarta' (WIB), 'Asia/Makassar' (WITA) or 'Asia/Jayapura' (WIT); the abbreviations {known} work too.",
    },
    "ingest.ignored_file": {
        "id": "Berkas '{file}' adalah data demografi audiens yang tidak dibaca labkit. Impor ekspor postingan atau berkas harian (pengikut, tayangan) dari unduhan yang sama.",
        "en": "The file '{file}' is audience demographics, which labkit does not read. Import the post export or the daily files (followers, views) from the same download.",
    },
    "ingest.folder_nothing": {
        "id": "Folder '{folder}' tidak berisi ekspor analitik yang dikenali. Berkas yang ada: {files}. Format yang dikenali: {known}. Letakkan berkas ekspor asli (CSV, XLSX atau ZIP dari platform) di folder itu.",
        "en": "The folder '{folder}' holds no analytics export labkit knows. Files found: {files}. Known formats: {known}. Put the original exports (CSV, XLSX or ZIP from the platform) in that folder.",
    },
    "ingest.year_assumed": {
        "id": "Berkas '{file}': tanggal tanpa tahun (mis. '{value}'); tahunnya diambil dari tanggal berkas ({basis}). Periksa tahunnya; bila salah, simpan berkas di folder bernama rentang ekspornya, mis. 'TikTok 2025-08-01_2025-08-31'.",
        "en": "File '{file}': dates without a year (e.g. '{value}'); the year was taken from the file's date ({basis}). Check the year; if wrong, keep the file in a folder named after its export range, e.g. 'TikTok 2025-08-01_2025-08-31'.",
    },
    "ingest.skipped_rows": {
        "id": "Berkas '{file}': {n} baris tidak dapat dibaca dan TIDAK diimpor: baris {rows}.",
        "en": "File '{file}': {n} rows could not be read and were NOT imported: rows {rows}.",
    },
    # ---------------------------------------------------------------- report
    "ingest.report.title": {"id": "Laporan impor", "en": "Import report"},
    "ingest.report.file": {
        "id": "{file}: {layout}, {rows} baris dibaca ({platform}).",
        "en": "{file}: {layout}, {rows} rows read ({platform}).",
    },
    "ingest.report.tz_assumed": {
        "id": "Waktu tanpa zona waktu dibaca sebagai WIB (Asia/Jakarta), karena tz tidak disebutkan. Bila akun berada di WITA atau WIT, baca ulang dengan tz='Asia/Makassar' (WITA) atau tz='Asia/Jayapura' (WIT).",
        "en": "Times without a time zone were read as WIB (Asia/Jakarta), because tz was not given. If the account is in WITA or WIT, read again with tz='Asia/Makassar' (WITA) or tz='Asia/Jayapura' (WIT).",
    },
    "ingest.report.tz_used": {
        "id": "Waktu tanpa zona waktu dibaca dalam {tz}.",
        "en": "Times without a time zone were read in {tz}.",
    },
    "ingest.report.offset_kept": {
        "id": "{file}: {n} waktu membawa zona waktunya sendiri (mis. UTC pada ekspor X) dan dipakai apa adanya.",
        "en": "{file}: {n} times carry their own UTC offset (e.g. UTC in X exports) and were kept as they are.",
    },
    "ingest.report.date_only": {
        "id": "{file}: ekspor hanya mencantumkan tanggal terbit, tanpa jam; jam diisi 00:00 waktu setempat.",
        "en": "{file}: the export gives only the day of publication, no time; the time was set to 00:00 local time.",
    },
    "ingest.report.order_layout": {
        "id": "{file}: tanggal angka dibaca {order} sesuai format asli platform.",
        "en": "{file}: numeric dates read {order}, the platform's own format.",
    },
    "ingest.report.order_data": {
        "id": "{file}: tanggal angka dibaca {order}; tanggal di atas 12 memastikannya.",
        "en": "{file}: numeric dates read {order}; a day above 12 settles it.",
    },
    "ingest.report.order_argument": {
        "id": "{file}: tanggal angka dibaca {order} sesuai dayfirst yang Anda berikan.",
        "en": "{file}: numeric dates read {order}, as you set with dayfirst.",
    },
    "ingest.report.order_assumed": {
        "id": "{file}: tanggal angka dibaca {order} (DIANGGAP, tidak ada tanggal di atas 12); bila salah, pakai dayfirst=False.",
        "en": "{file}: numeric dates read {order} (ASSUMED, no day above 12); if wrong, use dayfirst=False.",
    },
    "ingest.report.dayfirst": {
        "id": "hari lebih dulu (HH/BB/TTTT)",
        "en": "day first (DD/MM/YYYY)",
    },
    "ingest.report.monthfirst": {
        "id": "bulan lebih dulu (BB/HH/TTTT)",
        "en": "month first (MM/DD/YYYY)",
    },
    "ingest.report.excel": {
        "id": "{file} telah melewati Excel ({signs}); angka dan tanggal dibaca dengan format Indonesia bila perlu.",
        "en": "{file} went through Excel ({signs}); numbers and dates were read in the Indonesian format where needed.",
    },
    "ingest.report.sign_semicolon": {"id": "pemisah ';'", "en": "';' separator"},
    "ingest.report.sign_cp1252": {"id": "pengodean Windows-1252", "en": "Windows-1252 text"},
    "ingest.report.sign_headers": {
        "id": "judul kolom berbahasa Indonesia",
        "en": "Indonesian column headers",
    },
    "ingest.report.sign_dots": {"id": "titik sebagai pemisah ribuan", "en": "dot thousands"},
    "ingest.report.sign_xlsx": {"id": "berkas .xlsx", "en": ".xlsx file"},
    "ingest.report.total_row": {
        "id": "{file}: baris 'Total' (baris {row}) tidak dihitung sebagai video.",
        "en": "{file}: the 'Total' row (row {row}) was left out; it is not a video.",
    },
    "ingest.report.blank_rows": {
        "id": "{file}: {n} baris kosong diabaikan.",
        "en": "{file}: {n} empty rows ignored.",
    },
    "ingest.report.skipped_rows": {
        "id": "{file}: baris {rows} tidak dapat dibaca dan TIDAK diimpor.",
        "en": "{file}: rows {rows} could not be read and were NOT imported.",
    },
    "ingest.report.skipped_file": {
        "id": "{file} dilewati: {reason}",
        "en": "{file} skipped: {reason}",
    },
    "ingest.report.ignored_known": {
        "id": "{file}: berkas {platform} yang dikenali tetapi tidak dibaca labkit (data demografi).",
        "en": "{file}: a known {platform} file that labkit does not read (demographics).",
    },
    "ingest.report.account_from": {
        "id": "{file}: akun '{account}' diambil dari {source}.",
        "en": "{file}: account '{account}' taken from {source}.",
    },
    "ingest.report.account_differs": {
        "id": "{file}: berkas menyebut akun '{found}', tetapi dipakai '{account}' sesuai account=.",
        "en": "{file}: the file names account '{found}', but '{account}' was used as given by account=.",
    },
    "ingest.report.source_argument": {"id": "argumen account=", "en": "the account= argument"},
    "ingest.report.source_column": {"id": "kolom '{column}'", "en": "column '{column}'"},
    "ingest.report.source_links": {"id": "tautan postingan", "en": "the post links"},
    "ingest.report.source_filename": {"id": "nama berkas", "en": "the file name"},
    "ingest.report.source_folder": {
        "id": "nama folder ekspor (nama kanal, bukan @nama_pengguna; berikan account='nama_pengguna' agar cocok dengan inventaris akun)",
        "en": "the export's folder name (the channel name, not its @handle; give account='handle' to match your account inventory)",
    },
    "ingest.report.source_page_name": {
        "id": "nama Halaman (bukan nama pengguna; berikan account='nama_pengguna' agar cocok dengan inventaris akun)",
        "en": "the Page name (not a handle; give account='handle' to match your account inventory)",
    },
    "ingest.report.unknown_types": {
        "id": "{file}: jenis postingan {values} tidak ada dalam kosakata lab; content_type dikosongkan untuk {n} postingan.",
        "en": "{file}: post type(s) {values} are not in the lab's vocabulary; content_type left empty for {n} posts.",
    },
    "ingest.report.duplicates": {
        "id": "{n} postingan muncul di lebih dari satu ekspor dan disimpan sekali: dipakai angka dari ekspor yang lebih baru bila tanggal ekspornya diketahui, bila tidak angka total yang lebih besar.",
        "en": "{n} posts appear in more than one export and were kept once: with the totals of the later export where the export date is known, else the larger lifetime totals.",
    },
    "ingest.report.duplicate_item": {
        "id": "{platform} {post_id}: dipakai {kept_file} ({kept}); tidak dipakai {other_file} ({other}).",
        "en": "{platform} {post_id}: kept {kept_file} ({kept}); dropped {other_file} ({other}).",
    },
    "ingest.report.more": {"id": "... dan {n} lainnya.", "en": "... and {n} more."},
    "ingest.report.daily_overlap": {
        "id": "{table}: {n} nilai harian muncul di lebih dari satu berkas; dipakai nilai dari berkas yang lebih baru.",
        "en": "{table}: {n} daily values appear in more than one file; the value of the later file was kept.",
    },
    "ingest.report.also_daily": {
        "id": "{file}: juga berisi data harian ({names}); baca dengan read_exports() untuk mendapatkannya.",
        "en": "{file}: also holds daily data ({names}); read it with read_exports() to get them.",
    },
    "ingest.report.platform_override": {
        "id": "{file}: platform diatur menjadi '{platform}' oleh argumen platform= (terdeteksi: {detected}).",
        "en": "{file}: platform set to '{platform}' by platform= (detected: {detected}).",
    },
    "ingest.report.year": {
        "id": "{file}: tanggal tanpa tahun; tahun diambil dari {basis}.",
        "en": "{file}: dates without a year; the year was taken from {basis}.",
    },
    "ingest.report.basis_name": {
        "id": "rentang ekspor pada nama folder/berkas ({range})",
        "en": "the export range in the folder/file name ({range})",
    },
    "ingest.report.basis_mtime": {
        "id": "tanggal berkas ({date}) - DIANGGAP, periksa tahunnya",
        "en": "the file's date ({date}) - ASSUMED, check the year",
    },
    "ingest.report.excel_swapped": {
        "id": "{file}: {n} tanggal telah ditukar hari/bulannya oleh Excel (terbukti dari tanggal teks bulan-lebih-dulu) dan dikembalikan.",
        "en": "{file}: Excel had swapped day and month of {n} dates (the month-first text dates prove it); they were swapped back.",
    },
    "ingest.report.xlsx_sheet": {
        "id": "{file}: dibaca dari lembar Excel '{sheet}'.",
        "en": "{file}: read from Excel sheet '{sheet}'.",
    },
    "ingest.report.renamed_xlsx": {
        "id": "{file} sebenarnya buku kerja Excel walau namanya .csv; dibaca sebagai Excel.",
        "en": "{file} is really an Excel workbook despite its .csv name; read as Excel.",
    },
    "ingest.report.lifetime": {
        "id": "Angka postingan adalah total seumur postingan pada hari ekspor (Lifetime).",
        "en": "Post counts are lifetime totals as of the export date.",
    },
    "ingest.report.no_rows": {
        "id": "{file}: ekspor berisi judul kolom tetapi tanpa baris data.",
        "en": "{file}: the export has a header but no data rows.",
    },
    "ingest.report.not_reported": {
        "id": "{file}: tidak melaporkan {columns} (dibiarkan kosong, bukan nol).",
        "en": "{file}: does not report {columns} (left empty, not zero).",
    },
    "ingest.report.reason_not_export": {
        "id": "bukan berkas ekspor (jenis berkas ini tidak dibaca)",
        "en": "not an export file (this file type is not read)",
    },
    "ingest.report.reason_unknown": {
        "id": "judul kolomnya tidak dikenali ({header})",
        "en": "its column headers are not recognised ({header})",
    },
}

i18n.register(MESSAGES)
