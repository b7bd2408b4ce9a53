"""Exercises of notebook 04: right answers pass, plausible wrong ones are rejected with feedback."""

from labkit.check.feedback import Status
from labkit.exercises import ex04


def test_cluster_and_strategy_of_ep02():
    assert ex04.q1.evaluate("victim").correct
    wrong = ex04.q1.evaluate("preventable")  # confusing the hoax with the data leak
    assert wrong.status is Status.INCORRECT and "q1.hint()" in wrong.message()
    assert ex04.q2.evaluate("deny").correct
    wrong = ex04.q2.evaluate("rebuild")
    assert wrong.status is Status.INCORRECT and "q2.hint()" in wrong.message()


def test_fix_the_weak_draft():
    weak = ex04.q3.evaluate(ex04.DRAF_LEMAH)
    assert weak.status is Status.INCORRECT
    assert "speculation" in weak.message() and "blame" in weak.message()
    half = ex04.q3.evaluate("Kami mohon maaf atas gangguan sistem antrean.")
    assert half.status is Status.INCORRECT and "missing_next_update" in half.message()
    fixed = (
        "Rabu, 2 September 2026 pukul 08.00 WIB sistem antrean online Kanim Kota Pelangi mengalami gangguan. "
        "Kami mohon maaf. Petugas sedang memulihkan sistem; warga yang sudah datang tetap dilayani di loket. "
        "Info: 0811-0000-0003. Informasi berikutnya pukul 12.00 WIB."
    )
    assert ex04.q3.evaluate(fixed).correct  # the agency's official number is not personal data
    private = ex04.q3.evaluate(fixed.replace("0811-0000-0003", "0813-9876-5432"))
    assert private.status is Status.INCORRECT and "pii" in private.message()
    assert ex04.q3.evaluate(42).status is Status.INCORRECT


def test_hoax_clarification():
    no_label = ex04.q4.evaluate(
        "KTP-el gratis, pesan itu tidak benar (1 Juni 2026). Sumber: https://contoh.go.id"
    )
    assert no_label.status is Status.INCORRECT and "missing_hoax_label" in no_label.message()
    ok = "[HOAKS] Biaya KTP-el Rp500.000. Faktanya gratis (1 Juni 2026). Sumber: https://dukcapil.telukmutiara.go.id"
    assert ex04.q4.evaluate(ok).correct
