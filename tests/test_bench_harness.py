"""benchmarks/harness.py: each line's peak memory is its own child's, not the parent's."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIG_MIB = 600


@pytest.fixture
def harness(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    from benchmarks import harness

    return harness


def test_a_small_case_does_not_inherit_a_large_allocation_of_the_parent(harness):
    big = bytearray(BIG_MIB * 2**20)
    big[::4096] = b"x" * len(big[::4096])  # touch every page: the parent now holds 600 MiB
    assert harness.peak_mib() >= BIG_MIB
    small = harness.measure("small", "benchmarks.harness:allocate", 8, repeat=1)
    assert small.detail["allocated_mib"] == 8
    assert small.peak_mib < 150, small  # a bare interpreter plus 8 MiB, not the parent's 600
    assert 0 < small.detail["baseline_mib"] <= small.peak_mib
    # the figure is real: a child that holds 200 MiB reports at least that
    large = harness.measure("large", "benchmarks.harness:allocate", 200, repeat=1)
    assert 200 <= large.peak_mib < BIG_MIB, large
    assert large.peak_mib - small.peak_mib >= 150
    del big


def test_memory_target_and_ratio_are_reported_per_line(harness, tmp_path, capsys):
    ref = harness.measure("ref", "benchmarks.harness:allocate", 1, repeat=1)
    res = harness.measure("res", "benchmarks.harness:allocate", 1, repeat=2)
    res.with_target(peak_mib=300, ref=ref, ratio=1000)
    assert res.ratio is not None and res.ratio > 0 and res.reference == "ref"
    assert res.met  # 1 MiB in a fresh child is well under 300 MiB
    out = harness.report("selftest", [ref, res], out=tmp_path / "r.json")
    assert out.exists() and "<=300MiB" in capsys.readouterr().out
