"""Messages of the package-level helpers (labkit.start, the CLI)."""

from labkit import i18n

i18n.register(
    {
        "start.banner": {
            "id": (
                "Humas Lab {version} siap.\n"
                "  Bahasa        : {language}  (ganti: labkit.set_language('en'))\n"
                "  Sumber data   : {source}  ({data_dir})\n"
                "  Folder kerja  : {work_dir}\n"
                "  {masking}"
            ),
            "en": (
                "Humas Lab {version} ready.\n"
                "  Language      : {language}  (switch: labkit.set_language('id'))\n"
                "  Data source   : {source}  ({data_dir})\n"
                "  Work folder   : {work_dir}\n"
                "  {masking}"
            ),
        },
    }
)
