"""One-sentence help for the common slips of non-programmers in a notebook cell.

A trainee who writes ``zona = WIT`` (no quotes), ``Jumlah_instansi`` (another
case), ``print("halo)`` (an unclosed quote) or ``{"a" "b"}`` (a missing comma)
gets Python's traceback, which names the problem in programmer's English.
:func:`classify` recognises these slips from the exception and the names the
trainee has defined; :func:`install` shows the explanation, in the trainee's
language, *beside* the traceback after a cell fails. The traceback still shows
and the cell still fails (nbval still catches it).

``labkit.start()`` installs it next to the short LabkitError display of
:func:`labkit.errors.install_notebook_handler` (kept apart: this module reads the
schema's vocabulary, and the errors module sits below the schema).
"""

from __future__ import annotations

import builtins
import difflib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from labkit import errors, i18n
from labkit.schema import PLATFORMS, TIMEZONES

_NAME_IN_MESSAGE = re.compile(r"name '([^']+)' is not defined")
_SMART_QUOTES = "\u201c\u201d\u2018\u2019"
_VALUE_WORDS = {w.lower() for w in (*PLATFORMS, *TIMEZONES)}
"""Lower-case words that are values in the lab's data (platforms, time zones)."""


@dataclass(frozen=True)
class Slip:
    """A recognised slip: a catalogue message key and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        """The one-sentence explanation in ``lang`` (default: the current language)."""
        return i18n.t(self.key, lang=lang, **self.params)


def _visible_names(namespace: Iterable[str]) -> list[str]:
    names = [n for n in namespace if isinstance(n, str) and not n.startswith("_")]
    names += [n for n in dir(builtins) if not n.startswith("_") and n.islower()]
    return names


def _looks_like_a_value(name: str) -> bool:
    # WIT, BPBD, Facebook, Sari: upper case or capitalised words are texts, not variables
    return (
        name.lower() in _VALUE_WORDS or name.isupper() or (name[:1].isupper() and "_" not in name)
    )


def classify_name_error(name: str, namespace: Iterable[str]) -> Slip:
    """Explain ``NameError: name 'name' is not defined`` given the defined names."""
    names = _visible_names(namespace)
    same_but_case = [n for n in names if n.lower() == name.lower() and n != name]
    if same_but_case:
        return Slip("slips.name_case", {"name": name, "suggestion": same_but_case[0]})
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.8)
    if close:
        return Slip("slips.name_typo", {"name": name, "suggestion": close[0]})
    if _looks_like_a_value(name):
        return Slip("slips.name_quote", {"name": name})
    return Slip("slips.name_unknown", {"name": name})


def classify_syntax_error(error: SyntaxError) -> Slip | None:
    """Explain a SyntaxError a non-programmer makes (quotes, brackets, commas, indentation)."""
    message = str(getattr(error, "msg", "") or error)
    low = message.lower()
    line = (getattr(error, "text", None) or "").rstrip("\n")
    if any(q in message or q in line for q in _SMART_QUOTES) and (
        "invalid character" in low or "invalid syntax" in low
    ):
        return Slip("slips.smart_quotes")
    if "unterminated string" in low or "unterminated triple-quoted" in low or "eol while" in low:
        return Slip("slips.unclosed_quote")
    if "forgot a comma" in low:
        return Slip("slips.missing_comma")
    opened = re.search(r"'([(\[{])' was never closed", message)
    if opened or "unexpected eof" in low:
        bracket = opened.group(1) if opened else "("
        return Slip("slips.unclosed_bracket", {"bracket": bracket, "closing": _CLOSING[bracket]})
    mismatch = re.search(
        r"closing parenthesis '(.)' does not match opening parenthesis '(.)'", message
    )
    if mismatch:
        got, opening = mismatch.groups()
        return Slip(
            "slips.wrong_bracket", {"got": got, "bracket": opening, "closing": _CLOSING[opening]}
        )
    extra = re.search(r"unmatched '(.)'", message)
    if extra:
        return Slip("slips.extra_bracket", {"got": extra.group(1)})
    if isinstance(error, IndentationError) and "unexpected indent" in low:
        return Slip("slips.indent")
    return None


_CLOSING = {"(": ")", "[": "]", "{": "}"}


def classify(error: BaseException, namespace: Iterable[str] = ()) -> Slip | None:
    """Recognise a slip behind ``error`` (None: not one we explain).

    Parameters
    ----------
    error : BaseException
        The exception a cell raised (NameError, SyntaxError, ...).
    namespace : iterable of str
        The names the trainee has defined (the notebook's user namespace).
    """
    if isinstance(error, SyntaxError):
        return classify_syntax_error(error)
    if isinstance(error, TypeError) and re.search(r"'tuple' object is not callable", str(error)):
        return Slip("slips.missing_comma")  # {("x", "a") ("x", "b")}: a comma between pairs
    if isinstance(error, NameError):
        name = getattr(error, "name", None)
        if not name:
            found = _NAME_IN_MESSAGE.search(str(error))
            name = found.group(1) if found else None
        return classify_name_error(name, namespace) if name else None
    return None


class _Note:
    """What a cell shows beside the traceback: a plain-text and an HTML version."""

    def __init__(self, slip: Slip) -> None:
        self.slip = slip

    def bundle(self) -> dict[str, str]:
        title = i18n.t("slips.title")
        text = self.slip.message()
        body = html.escape(text)
        body = re.sub(r"`([^`]+)`", r"<code>\1</code>", body)
        return {
            "text/plain": f"💡 {title} {text}",
            "text/html": (
                '<div class="labkit-slip" style="border-left:4px solid #1a56a8;padding:4px 10px;'
                f'background:#e8f0fe;border-radius:3px">💡 <strong>{html.escape(title)}</strong> '
                f"{body}</div>"
            ),
        }


def _after_cell(shell: Any, result: Any) -> None:
    error = getattr(result, "error_before_exec", None) or getattr(result, "error_in_exec", None)
    if error is None:
        return
    try:
        slip = classify(error, list(shell.user_ns))
    except Exception:  # noqa: BLE001 - help must never break the notebook
        return
    if slip is None:
        return
    from IPython.display import display

    display(_Note(slip).bundle(), raw=True)


def install_in_ipython() -> bool:
    """Install in the running IPython shell; return False outside IPython."""
    shell = errors.ipython_shell()
    if shell is None:
        return False
    install(shell)
    return True


def install(shell: Any) -> None:
    """Show slip explanations after failing cells in IPython ``shell`` (idempotent)."""
    callback = getattr(shell, "_labkit_slips_callback", None)
    if callback is not None:
        return
    callback = lambda result: _after_cell(shell, result)  # noqa: E731
    shell.events.register("post_run_cell", callback)
    shell._labkit_slips_callback = callback
