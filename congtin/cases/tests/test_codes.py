from __future__ import annotations

import math
import re

from congtin.cases.codes import ALPHABET, CODE_BITS, generate_tracking_code, normalise_tracking_code


def test_tracking_codes_carry_at_least_64_random_bits() -> None:
    assert len(set(ALPHABET)) == 32
    assert CODE_BITS >= 64
    symbols = generate_tracking_code().replace("-", "")
    assert len(symbols) * math.log2(len(ALPHABET)) >= 64


def test_tracking_codes_are_four_groups_of_four_without_confusable_letters() -> None:
    for _ in range(200):
        code = generate_tracking_code()
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", code)
        assert not set(code) & set("ILOU")


def test_tracking_codes_do_not_repeat() -> None:
    codes = {generate_tracking_code() for _ in range(10_000)}
    assert len(codes) == 10_000


def test_a_code_typed_carelessly_is_read_back() -> None:
    code = "7K3M-Q9XT-2HVA-0RP1"
    assert normalise_tracking_code("7k3m q9xt 2hva orpl") == code
    assert normalise_tracking_code("7K3MQ9XT2HVA0RPI") == code
    assert normalise_tracking_code("7K3M-Q9XT") is None
    assert normalise_tracking_code("7K3M-Q9XT-2HVA-0RP!") is None
