"""Trainee-facing texts of :mod:`labkit.check` (Bahasa Indonesia first, English second)."""

from __future__ import annotations

from labkit import i18n

_KINDS = {
    "missing": ("kosong (None/NaN)", "empty (None/NaN)"),
    "bool": ("benar/salah (True/False)", "true/false (True/False)"),
    "number": ("angka", "a number"),
    "text": ("teks", "text"),
    "table": ("tabel (DataFrame)", "a table (DataFrame)"),
    "series": ("kolom/deret (Series)", "a column/series (Series)"),
    "datetime": ("tanggal/waktu", "a date/time"),
    "mapping": ("kamus (dict)", "a dictionary (dict)"),
    "set": ("himpunan (set)", "a set"),
    "sequence": ("daftar (list)", "a list"),
    "function": ("fungsi", "a function"),
    "other": ("nilai lain", "another kind of value"),
}

i18n.register({f"check.kind_{k}": {"id": v[0], "en": v[1]} for k, v in _KINDS.items()})

i18n.register(
    {
        # ---- verdict headlines
        "check.status_correct": {"id": "Benar!", "en": "Correct!"},
        "check.status_incorrect": {"id": "Belum tepat.", "en": "Not quite."},
        "check.status_unanswered": {"id": "Belum dijawab.", "en": "Not answered yet."},
        "check.status_recorded": {"id": "Tercatat.", "en": "Recorded."},
        "check.unanswered_help": {
            "id": "Ganti `____` dengan jawaban Anda, lalu jalankan sel ini lagi.",
            "en": "Replace `____` with your answer, then run this cell again.",
        },
        "check.no_argument": {
            "id": "Sertakan jawaban Anda di dalam kurung, misalnya `{problem}.check(jawaban)`.",
            "en": "Put your answer inside the brackets, e.g. `{problem}.check(answer)`.",
        },
        "check.try_hint": {
            "id": "Coba lagi, atau lihat petunjuk: `{problem}.hint()`.",
            "en": "Try again, or see a hint: `{problem}.hint()`.",
        },
        # ---- where in the answer
        "check.at": {"id": "Pada {where}: {message}", "en": "At {where}: {message}"},
        "check.at_item": {"id": "item ke-{n}", "en": "item {n}"},
        "check.at_key": {"id": "kunci {name}", "en": "key {name}"},
        # ---- what differs
        "check.kind": {
            "id": "Jawaban Anda berupa {got}, sedangkan soal ini meminta {want}.",
            "en": "Your answer is {got}, but this question asks for {want}.",
        },
        "check.answer_empty": {
            "id": "Jawaban Anda kosong ({got}). Apakah sel sebelumnya sudah dijalankan?",
            "en": "Your answer is empty ({got}). Did you run the previous cells?",
        },
        "check.number_as_text": {
            "id": "Jawaban Anda {got} adalah teks, bukan angka. Hapus tanda kutipnya.",
            "en": "Your answer {got} is text, not a number. Remove the quotes.",
        },
        "check.set_for_list": {
            "id": "Jawaban Anda berupa himpunan (tanpa urutan), sedangkan soal ini meminta daftar berurutan (list).",
            "en": "Your answer is a set (unordered), but this question asks for an ordered list.",
        },
        "check.value_differs": {
            "id": "Nilai Anda ({got}) belum sesuai.",
            "en": "Your value ({got}) is not right yet.",
        },
        "check.percent_scale": {
            "id": "Angka Anda ({got}) berbeda 100 kali lipat: periksa apakah diminta persen (×100) atau pecahan.",
            "en": "Your number ({got}) is off by a factor of 100: check whether a percentage (×100) or a fraction is asked for.",
        },
        "check.number_high": {
            "id": "Angka Anda ({got}) terlalu besar. Periksa lagi langkah perhitungannya.",
            "en": "Your number ({got}) is too large. Go over the steps of the calculation again.",
        },
        "check.number_low": {
            "id": "Angka Anda ({got}) terlalu kecil. Periksa lagi langkah perhitungannya.",
            "en": "Your number ({got}) is too small. Go over the steps of the calculation again.",
        },
        "check.count_high": {
            "id": "Hitungan Anda ({got}) terlalu banyak. Apakah ada baris yang terhitung dua kali, atau baris yang bukan bagian soal ikut terhitung?",
            "en": "Your count ({got}) is too high. Is a row counted twice, or are rows counted that the question leaves out?",
        },
        "check.count_low": {
            "id": "Hitungan Anda ({got}) terlalu sedikit. Apakah ada baris yang terlewat, misalnya karena penyaringan?",
            "en": "Your count ({got}) is too low. Are some rows left out, for example by a filter?",
        },
        "check.rate_high": {
            "id": "Angka Anda ({got}) terlalu besar. Periksa pembilang (yang dihitung) dan penyebutnya (dibagi dengan apa).",
            "en": "Your number ({got}) is too large. Check the numerator (what is counted) and the denominator (what it is divided by).",
        },
        "check.rate_low": {
            "id": "Angka Anda ({got}) terlalu kecil. Periksa pembilang (yang dihitung) dan penyebutnya (dibagi dengan apa).",
            "en": "Your number ({got}) is too small. Check the numerator (what is counted) and the denominator (what it is divided by).",
        },
        "check.text_whitespace": {
            "id": "Hampir! Teks Anda ({got}) hanya berbeda di spasi.",
            "en": "Almost! Your text ({got}) differs only in spaces.",
        },
        "check.text_case": {
            "id": "Hampir! Teks Anda ({got}) hanya berbeda di huruf besar/kecil.",
            "en": "Almost! Your text ({got}) differs only in upper/lower case.",
        },
        "check.text_almost": {
            "id": "Hampir! Teks Anda ({got}) hanya berbeda di spasi dan huruf besar/kecil.",
            "en": "Almost! Your text ({got}) differs only in spaces and upper/lower case.",
        },
        "check.text_differs": {
            "id": "Teks Anda ({got}) belum sesuai.",
            "en": "Your text ({got}) is not right yet.",
        },
        "check.datetime_tz": {
            "id": "Waktu Anda ({got}) tidak dapat dibandingkan: yang satu memakai zona waktu, yang lain tidak.",
            "en": "Your time ({got}) cannot be compared: one has a time zone and the other does not.",
        },
        "check.length": {
            "id": "Jawaban Anda berisi {got} item, seharusnya {want}.",
            "en": "Your answer has {got} items; it should have {want}.",
        },
        "check.order_differs": {
            "id": "Isinya sudah benar, tetapi urutannya belum.",
            "en": "The items are right, but the order is not.",
        },
        "check.items_missing": {
            "id": "Masih ada {count} item yang belum termasuk.",
            "en": "{count} item(s) are still missing.",
        },
        "check.items_extra": {
            "id": "Ada {count} item yang tidak seharusnya ada, misalnya {example}.",
            "en": "{count} item(s) should not be there, for example {example}.",
        },
        "check.keys_missing": {
            "id": "Kunci yang belum ada: {names}.",
            "en": "Missing keys: {names}.",
        },
        "check.keys_extra": {
            "id": "Kunci yang tidak seharusnya ada: {names}.",
            "en": "Keys that should not be there: {names}.",
        },
        "check.series_labels": {
            "id": "Label baris (indeks) Anda berbeda dari yang diminta. Apakah Anda mengelompokkan (groupby) menurut kolom yang tepat?",
            "en": "Your row labels (index) differ from what is asked. Did you group (groupby) by the right column?",
        },
        "check.col_values": {"id": "nilainya", "en": "the values"},
        "check.col_labels": {"id": "label barisnya", "en": "the row labels"},
        "check.col_index": {"id": "indeks barisnya", "en": "the row index"},
        "check.col_named": {"id": "kolom {name}", "en": "column {name}"},
        "check.columns_missing": {
            "id": "Kolom yang belum ada: {names}.",
            "en": "Missing columns: {names}.",
        },
        "check.columns_extra": {
            "id": "Kolom yang tidak seharusnya ada: {names}.",
            "en": "Columns that should not be there: {names}.",
        },
        "check.rows": {
            "id": "Tabel Anda berisi {got} baris, seharusnya {want}. Periksa penyaringan (filter) Anda.",
            "en": "Your table has {got} rows; it should have {want}. Check your filter.",
        },
        "check.rows_order": {
            "id": "Isinya sudah benar, tetapi urutan barisnya belum. Periksa pengurutan (sort_values).",
            "en": "The contents are right, but the row order is not. Check the sorting (sort_values).",
        },
        "check.column_values": {
            "id": "Pada {column}, {count} dari {total} baris belum sesuai.",
            "en": "In {column}, {count} of {total} rows are not right yet.",
        },
        # ---- functions and custom checks
        "check.not_callable": {
            "id": "Soal ini meminta sebuah fungsi (def ...), tetapi jawaban Anda berupa {got}.",
            "en": "This question asks for a function (def ...), but your answer is {got}.",
        },
        "check.function_raised": {
            "id": "`{call}` menimbulkan galat: {error}.",
            "en": "`{call}` raised an error: {error}.",
        },
        "check.function_placeholder": {
            "id": "`{call}` masih mengembalikan `____`. Lengkapi isi fungsinya.",
            "en": "`{call}` still returns `____`. Complete the function's body.",
        },
        "check.function_case": {
            "id": "`{call}` menghasilkan {got}, seharusnya {want}.",
            "en": "`{call}` returned {got}; it should return {want}.",
        },
        "check.function_passed": {
            "id": "Fungsi Anda lulus {count} uji.",
            "en": "Your function passed {count} tests.",
        },
        "check.custom_raised": {
            "id": "Jawaban Anda tidak dapat diperiksa ({error}). Periksa jenis nilainya.",
            "en": "Your answer could not be checked ({error}). Check what kind of value it is.",
        },
        "check.thought": {
            "id": "Tidak ada satu jawaban yang benar. Bandingkan dengan pembahasan: `{problem}.solution()`.",
            "en": "There is no single right answer. Compare with the discussion: `{problem}.solution()`.",
        },
        # ---- multipart problems
        "check.multipart_progress": {
            "id": "{problem}: {done} dari {total} bagian sudah benar. Belum: {todo}.",
            "en": "{problem}: {done} of {total} parts are correct. Still to do: {todo}.",
        },
        "check.multipart_done": {
            "id": "{problem}: semua {total} bagian sudah benar.",
            "en": "{problem}: all {total} parts are correct.",
        },
        "check.multipart_answer": {
            "id": "{problem} terdiri atas beberapa bagian: periksa setiap bagian dengan `{problem}.a.check(jawaban)`, `{problem}.b.check(jawaban)`, dan seterusnya.",
            "en": "{problem} has several parts: check each part with `{problem}.a.check(answer)`, `{problem}.b.check(answer)`, and so on.",
        },
        "check.multipart_hint": {
            "id": "Setiap bagian punya petunjuknya sendiri: {parts} (misalnya jalankan `.hint()` pada bagian yang sedang Anda kerjakan).",
            "en": "Each part has its own hints: {parts} (for example, run `.hint()` on the part you are working on).",
        },
        # ---- hints and solutions
        "check.hint_title": {
            "id": "Petunjuk {level} dari {total} untuk {problem}",
            "en": "Hint {level} of {total} for {problem}",
        },
        "check.hint_none": {
            "id": "Belum ada petunjuk untuk {problem}.",
            "en": "There are no hints for {problem}.",
        },
        "check.hint_out_of_range": {
            "id": "{problem} hanya punya {total} petunjuk.",
            "en": "{problem} has only {total} hints.",
        },
        "check.hint_next": {
            "id": "Masih bingung? Jalankan `{problem}.hint({level})`.",
            "en": "Still stuck? Run `{problem}.hint({level})`.",
        },
        "check.hint_solution": {
            "id": "Lihat jawaban contoh dengan `{problem}.solution()`.",
            "en": "See the worked answer with `{problem}.solution()`.",
        },
        "check.solution_title": {
            "id": "Jawaban contoh {problem}",
            "en": "Worked answer for {problem}",
        },
        "check.solution_none": {
            "id": "Belum ada jawaban contoh untuk {problem}.",
            "en": "There is no worked answer for {problem}.",
        },
        # ---- strict mode, roles and progress
        "check.strict_solution": {
            "id": "Mode ketat: di notebook solusi, pemeriksaan {problem} ({notebook}) harus benar. Hasilnya: {message}",
            "en": "Strict mode: in a solution notebook, check {problem} ({notebook}) must pass. Result: {message}",
        },
        "check.strict_trainee": {
            "id": "Mode ketat: di notebook peserta, {problem} ({notebook}) harus 'belum dijawab', tetapi jawabannya dinilai. Apakah jawaban ikut bocor ke versi peserta? Hasilnya: {message}",
            "en": "Strict mode: in a trainee notebook, {problem} ({notebook}) must be 'not answered yet', but an answer was graded. Did a solution leak into the trainee version? Result: {message}",
        },
        "check.bad_role": {
            "id": "{env}='{value}' tidak dikenal. Gunakan salah satu: {known}.",
            "en": "{env}='{value}' is not known. Use one of: {known}.",
        },
        "check.progress_unsaved": {
            "id": "Kemajuan latihan tidak dapat disimpan ke '{path}' ({reason}). Pemeriksaan tetap berjalan.",
            "en": "Exercise progress could not be saved to '{path}' ({reason}). Checking still works.",
        },
    }
)
