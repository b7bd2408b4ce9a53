"""labkit: the helper package behind Humas Lab notebooks."""

__version__ = "0.1.0"
