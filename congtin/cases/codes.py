"""Tracking codes (mã tra cứu) given to a requester when a case is received. Pure Python.

A code is 16 symbols of Crockford's base-32 alphabet — 80 random bits from ``secrets`` — printed in
four groups of four ("7K3M-Q9XT-2HVA-0RPE"). It is the requester's only key to their case, so it
must be unguessable (80 bits: far beyond any online guessing) and easy to read out on the phone:
the alphabet has no I, L, O or U, and what people type by mistake (O for 0, I or L for 1, lower
case, spaces, missing dashes) is read back to the right code.
"""

from __future__ import annotations

import secrets

__all__ = ["ALPHABET", "CODE_BITS", "generate_tracking_code", "normalise_tracking_code"]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_SYMBOLS = 16
CODE_BITS = _SYMBOLS * 5
_GROUP = 4
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def generate_tracking_code() -> str:
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(_SYMBOLS))
    return "-".join(symbols[i : i + _GROUP] for i in range(0, _SYMBOLS, _GROUP))


def normalise_tracking_code(typed: str) -> str | None:
    """The canonical form of a code as someone typed it, or None when it cannot be one."""
    symbols = "".join(ch for ch in typed.upper() if ch not in " -.\t").translate(_CONFUSABLE)
    if len(symbols) != _SYMBOLS or any(ch not in ALPHABET for ch in symbols):
        return None
    return "-".join(symbols[i : i + _GROUP] for i in range(0, _SYMBOLS, _GROUP))
