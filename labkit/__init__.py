"""labkit: the helper package behind Humas Lab notebooks.

Every notebook starts with::

    import labkit
    labkit.start()

which sets the language, shows LabkitErrors as short messages, and prints where
the data come from, where the trainee's work is saved and whether personal data
are masked. Analysis lives in submodules (``labkit.data``, ``labkit.audit``,
``labkit.ingest``, ``labkit.privacy``...), imported where they are used.
"""

from __future__ import annotations

from labkit.i18n import get_language, set_language

__version__ = "0.1.0"
__all__ = ["__version__", "get_language", "set_language", "start", "status"]


def status() -> dict[str, str]:
    """Where data come from, where work is saved, language and masking state."""
    from labkit import data, privacy, workspace

    source = data.current_source()
    folder = data.data_dir() if source == data.BUNDLED else data.own_data_dir(source)
    return {
        "version": __version__,
        "language": get_language(),
        "source": source,
        "data_dir": str(folder),
        "work_dir": str(workspace.work_dir()),
        "masking": privacy.status(),
    }


def start(lang: str | None = None, *, quiet: bool = False) -> None:
    """Prepare a notebook session and show its settings.

    Parameters
    ----------
    lang : {"id", "en"}, optional
        Language of every message and widget label (default: ``LABKIT_LANG``
        or Indonesian).
    quiet : bool
        Do not print the settings.

    The settings shown are those of :func:`status`.
    """
    from labkit import errors, i18n, memory, slips

    if lang is not None:
        set_language(lang)
    memory.install()  # freed memory goes back to the system after each cell
    if errors.install_notebook_handler():
        slips.install_in_ipython()  # one sentence beside the traceback of a common slip
    if not quiet:
        print(i18n.t("start.banner", **status()))
