"""Proposing duplicate cases: letters about the same matter score high, different matters low.

The letters are invented, written the way citizens write to a ward or a department.
"""

from __future__ import annotations

from congtin.vietnamese.similarity import (
    containment,
    jaccard,
    minhash_signature,
    minhash_similarity,
    rank_similar,
    shingles,
    similarity,
)

FLOOD = (
    "Kính gửi UBND phường. Tôi đề nghị phường sớm khắc phục tình trạng ngập nước kéo dài tại ngõ 12 "
    "đường Láng sau mỗi trận mưa lớn, nước ngập sâu nửa mét, xe máy chết máy, học sinh không đi học được."
)
FLOOD_AGAIN_NO_ACCENTS = (
    "De nghi phuong khac phuc tinh trang ngap nuoc keo dai tai ngo 12 duong Lang, moi tran mua lon "
    "nuoc ngap sau nua met, xe may chet may."
)
FLOOD_SHORT_REPEAT = "Tình trạng ngập nước kéo dài tại ngõ 12 đường Láng vẫn chưa được khắc phục."
ALLOWANCE = (
    "Mẹ tôi 82 tuổi, đã nộp hồ sơ hưởng trợ cấp xã hội hằng tháng cho người cao tuổi từ tháng 3 nhưng "
    "đến nay vẫn chưa nhận được tiền trợ cấp. Đề nghị Phòng Lao động - Thương binh và Xã hội trả lời."
)
NOISE = (
    "Quán karaoke số 45 phố Huế hát to đến 1 giờ sáng hằng đêm, gây ồn ào ảnh hưởng đến giấc ngủ "
    "của người dân trong khu phố. Đề nghị công an phường kiểm tra, xử lý."
)
FLOOD_ELSEWHERE = (
    "Đề nghị phường nạo vét cống thoát nước tại tổ dân phố 7 vì rác thải ùn ứ, bốc mùi hôi thối, muỗi nhiều."
)


def test_shingles_fold_accents_and_case_and_drop_function_syllables() -> None:
    assert shingles("NGẬP NƯỚC ở ngõ") == shingles("ngap nuoc o ngo")
    assert "ngap nuoc" in shingles("Tôi đề nghị xử lý ngập nước")
    # "của", "tôi", "và" are not content: no shingle carries them.
    assert all("cua" not in s.split() for s in shingles("nhà của tôi và vườn của tôi"))


def test_the_same_complaint_without_accents_is_proposed_as_a_duplicate() -> None:
    score = similarity(shingles(FLOOD), shingles(FLOOD_AGAIN_NO_ACCENTS))
    assert score >= 0.5


def test_a_short_follow_up_repeating_a_long_letter_is_proposed() -> None:
    assert containment(shingles(FLOOD_SHORT_REPEAT), shingles(FLOOD)) >= 0.6
    assert similarity(shingles(FLOOD_SHORT_REPEAT), shingles(FLOOD)) >= 0.45


def test_letters_about_different_matters_score_low_even_in_the_same_style() -> None:
    for other in (ALLOWANCE, NOISE, FLOOD_ELSEWHERE):
        assert similarity(shingles(FLOOD), shingles(other)) < 0.2, other[:30]


def test_ranking_puts_the_true_duplicates_first_and_leaves_the_rest_out() -> None:
    candidates = [
        ("allowance", ALLOWANCE),
        ("repeat", FLOOD_SHORT_REPEAT),
        ("noise", NOISE),
        ("again", FLOOD_AGAIN_NO_ACCENTS),
        ("drain", FLOOD_ELSEWHERE),
    ]
    ranked = rank_similar(FLOOD, candidates)
    assert [m.key for m in ranked] == ["again", "repeat"]
    assert ranked[0].score >= ranked[1].score


def test_too_short_texts_are_never_proposed() -> None:
    assert rank_similar("Hỏi", [("a", "Hỏi")]) == []
    assert rank_similar(FLOOD, [("a", "Ngập nước")]) == []


def test_empty_sets_are_not_alike() -> None:
    assert jaccard(frozenset(), frozenset()) == 0.0
    assert containment(frozenset({"a b"}), frozenset()) == 0.0


def test_minhash_estimates_jaccard_and_is_stable() -> None:
    a, b = shingles(FLOOD), shingles(FLOOD_AGAIN_NO_ACCENTS)
    sig_a, sig_b = minhash_signature(a, num_perm=256), minhash_signature(b, num_perm=256)
    assert sig_a == minhash_signature(a, num_perm=256)  # same input, same signature
    assert abs(minhash_similarity(sig_a, sig_b) - jaccard(a, b)) < 0.12
    unrelated = minhash_signature(shingles(NOISE), num_perm=256)
    assert minhash_similarity(sig_a, unrelated) < 0.1
    assert minhash_similarity(sig_a, sig_a[:10]) == 0.0  # lengths differ: not comparable
