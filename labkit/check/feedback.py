"""What a check, a hint or a solution shows: data first, display second.

Each result is a plain object (status, message) that pytest can inspect. In
Jupyter it shows itself at once (so feedback appears even when ``q1.check(x)``
is not the last line of the cell) and is not shown a second time when it is
the cell's last value. Rich output is HTML (a coloured box) or Markdown, with a
plain-text fallback for consoles and nbval logs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from labkit import i18n
from labkit.check.compare import Mismatch, Msg

Text = str | Mapping[str, str]
"""Author-written text: one string (Indonesian) or ``{"id": ..., "en": ...}``."""


def render_text(text: Text | Msg | Mismatch, lang: str | None = None) -> str:
    """Render author text, a catalogue message or a mismatch in ``lang``."""
    if isinstance(text, Msg | Mismatch):
        return text.render(lang)
    if isinstance(text, str):
        return text
    code = lang or i18n.get_language()
    for choice in (code, i18n.DEFAULT_LANGUAGE, *text.keys()):
        if choice in text:
            return str(text[choice])
    return ""


class Status(StrEnum):
    """Outcome of a check."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    UNANSWERED = "unanswered"
    RECORDED = "recorded"


_STYLE = {
    Status.CORRECT: ("✅", "#1b7f3b", "#eaf7ee"),
    Status.INCORRECT: ("❌", "#b3261e", "#fdecea"),
    Status.UNANSWERED: ("✏️", "#5f6368", "#f1f3f4"),
    Status.RECORDED: ("📝", "#1a56a8", "#e8f0fe"),
}

_CODE = re.compile(r"`([^`]+)`")


def _html_inline(text: str) -> str:
    """Escape ``text`` for HTML, turning `backticks` into <code>."""
    return _CODE.sub(r"<code>\1</code>", html.escape(text)).replace("\n", "<br>")


def _shell() -> Any:
    """The running IPython shell, or None (plain Python, pytest)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency of jupyterlab
        return None
    return get_ipython()


def _publish(bundle: dict[str, str]) -> None:
    from IPython.display import display

    display(bundle, raw=True)


class Feedback:
    """Base of displayable results: subclasses implement :meth:`plain` and :meth:`bundle`."""

    _echo_pending: bool = False

    def plain(self, lang: str | None = None) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def bundle(self) -> dict[str, str]:
        """MIME bundle: ``text/plain`` plus ``text/html`` and/or ``text/markdown``."""
        return {"text/plain": self.plain()}

    def __str__(self) -> str:
        return self.plain()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return self.bundle()

    def show(self) -> bool:
        """Display now if running under IPython; return True if displayed."""
        if _shell() is None:
            return False
        _publish(self.bundle())
        self._echo_pending = True
        return True

    def _ipython_display_(self) -> None:
        if self._echo_pending:  # already shown by show(): skip the cell-result echo once
            self._echo_pending = False
            return
        _publish(self.bundle())


@dataclass(eq=False)
class CheckResult(Feedback):
    """The outcome of ``qN.check(answer)``.

    Attributes
    ----------
    problem : str
        The problem's name in the notebook (``"q1"``).
    notebook : str or None
        The notebook the problem belongs to.
    status : Status
        correct, incorrect, unanswered (the answer is still ``____``) or
        recorded (a reflection question: nothing to grade).
    detail : Mismatch, Msg, Text or None
        Why, and what to do next; rendered in the current language.
    """

    problem: str
    notebook: str | None
    status: Status
    detail: Any = None
    extra: tuple[Any, ...] = field(default_factory=tuple)

    @property
    def correct(self) -> bool:
        """True if the answer is right."""
        return self.status is Status.CORRECT

    @property
    def answered(self) -> bool:
        """False while the answer is still the ``____`` placeholder."""
        return self.status is not Status.UNANSWERED

    def headline(self, lang: str | None = None) -> str:
        """Short verdict: "Benar!", "Belum tepat.", ..."""
        return i18n.t(f"check.status_{self.status.value}", lang=lang)

    def message(self, lang: str | None = None) -> str:
        """The explanation (without the headline)."""
        parts = [render_text(p, lang) for p in (self.detail, *self.extra) if p is not None]
        return " ".join(p for p in parts if p)

    def plain(self, lang: str | None = None) -> str:
        icon = _STYLE[self.status][0]
        head = f"{icon} {self.problem}: {self.headline(lang)}"
        body = self.message(lang)
        return f"{head} {body}".rstrip()

    def bundle(self) -> dict[str, str]:
        icon, color, background = _STYLE[self.status]
        body = self.message()
        html_text = (
            f'<div class="labkit-check labkit-{self.status.value}" style="border-left:4px solid '
            f"{color};background:{background};padding:6px 10px;margin:4px 0;"
            f'border-radius:3px"><strong style="color:{color}">{icon} '
            f"{html.escape(self.problem)}: {html.escape(self.headline())}</strong>"
            + (f" {_html_inline(body)}" if body else "")
            + "</div>"
        )
        return {
            "text/plain": self.plain(),
            "text/html": html_text,
            "text/markdown": f"**{icon} {self.problem}: {self.headline()}** {body}".rstrip(),
        }

    def __repr__(self) -> str:
        return f"CheckResult({self.problem!r}, {self.status.value})"


@dataclass(eq=False)
class Hint(Feedback):
    """Hint number ``level`` of ``total`` for a problem (``text`` None: no such hint)."""

    problem: str
    level: int
    total: int
    text: Text | None

    @property
    def available(self) -> bool:
        """True if the requested hint exists."""
        return self.text is not None

    def _title(self, lang: str | None) -> str:
        if not self.available:
            key = "check.hint_none" if self.total == 0 else "check.hint_out_of_range"
            return i18n.t(key, lang=lang, problem=self.problem, total=self.total)
        return i18n.t(
            "check.hint_title", lang=lang, problem=self.problem, level=self.level, total=self.total
        )

    def _footer(self, lang: str | None) -> str:
        if self.available and self.level < self.total:
            return i18n.t("check.hint_next", lang=lang, problem=self.problem, level=self.level + 1)
        return i18n.t("check.hint_solution", lang=lang, problem=self.problem)

    def body(self, lang: str | None = None) -> str:
        """The hint text in ``lang`` (empty if there is no such hint)."""
        return render_text(self.text, lang) if self.text is not None else ""

    def plain(self, lang: str | None = None) -> str:
        lines = [f"💡 {self._title(lang)}", self.body(lang), self._footer(lang)]
        return "\n".join(line for line in lines if line)

    def bundle(self) -> dict[str, str]:
        md = [f"**💡 {self._title(None)}**", self.body(), f"*{self._footer(None)}*"]
        return {"text/plain": self.plain(), "text/markdown": "\n\n".join(p for p in md if p)}


@dataclass(eq=False)
class SolutionView(Feedback):
    """A problem's worked solution: explanation text and/or code."""

    problem: str
    code: str | None
    text: Text | None

    def _title(self, lang: str | None) -> str:
        key = "check.solution_title" if (self.code or self.text) else "check.solution_none"
        return i18n.t(key, lang=lang, problem=self.problem)

    def plain(self, lang: str | None = None) -> str:
        parts = [f"🔑 {self._title(lang)}"]
        if self.text is not None:
            parts.append(render_text(self.text, lang))
        if self.code:
            parts.append(self.code.strip("\n"))
        return "\n".join(parts)

    def bundle(self) -> dict[str, str]:
        md = [f"**🔑 {self._title(None)}**"]
        if self.text is not None:
            md.append(render_text(self.text))
        if self.code:
            md.append("```python\n" + self.code.strip("\n") + "\n```")
        return {"text/plain": self.plain(), "text/markdown": "\n\n".join(md)}
