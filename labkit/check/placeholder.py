"""The ``____`` placeholder a trainee replaces with an answer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final


class Placeholder:
    """Type of the ``____`` sentinel: "the trainee has not answered yet".

    There is one instance, :data:`____`. A check that receives it (or a list or
    dict that still contains it) reports *belum dijawab* (not answered yet)
    instead of *salah* (wrong).
    """

    _instance: Placeholder | None = None

    def __new__(cls) -> Placeholder:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    def __reduce__(self) -> str:
        return "____"


____: Final = Placeholder()
PLACEHOLDER: Final = ____


def is_placeholder(value: Any) -> bool:
    """Return True if ``value`` is ``____`` or a list, tuple, set or dict containing it.

    The test is by type name as well as identity, so a placeholder survives an
    ``importlib.reload`` of this module.
    """
    if value is ____ or (
        type(value).__name__ == "Placeholder" and type(value).__module__ == __name__
    ):
        return True
    if isinstance(value, list | tuple | set | frozenset):
        return any(is_placeholder(v) for v in value)
    if isinstance(value, Mapping):
        return any(is_placeholder(v) for v in value.values())
    return False
