"""Text folding for search: case-, accent- and punctuation-insensitive keys."""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "þ": "th",
    }
)
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """'Müller-Lüdenscheidt, Ørsted' → 'muller ludenscheidt orsted'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", stripped.casefold()).strip()


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix` (for range scans)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
