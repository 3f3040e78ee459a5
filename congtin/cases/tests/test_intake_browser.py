"""A citizen in Debian's chromium: sends feedback with a photo, gets the tracking code, looks the case up.

Chromium comes from the suite's ``browser`` and ``tab`` fixtures (``congtin/core/tests/browser.py``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from congtin.cases.models import Case
from congtin.cases.tests.intake_support import case_files, png_bytes
from congtin.documents.models import Field

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
__all__ = ["case_files"]

CODE = re.compile(r"[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3}")


def test_a_citizen_sends_feedback_with_a_photo_then_looks_the_case_up_with_code_and_phone(
    live_server: Any, site_tree: Any, case_files: Path, tab: Any, tmp_path: Path
) -> None:
    Field.objects.create(name="Giao thông", slug="giao-thong")
    photo = tmp_path / "den-duong-hong.png"
    photo.write_bytes(png_bytes((16, 16)))

    tab.goto(live_server.url + "/gui-phan-anh/")
    tab.get_by_label("Họ và tên").fill("Nguyễn Văn An")
    tab.get_by_label("Số điện thoại").fill("0912 345 678")
    tab.get_by_label("Lĩnh vực").select_option(label="Giao thông")
    tab.get_by_label("Tiêu đề").fill("Đèn đường hỏng trên phố Hàng Bài")
    tab.get_by_label("Nội dung").fill("Ba cột đèn trước số 12 không sáng từ đầu tháng.")
    tab.get_by_label("Tệp đính kèm").set_input_files(str(photo))
    tab.get_by_label("Tôi đồng ý cho cơ quan xử lý dữ liệu cá nhân").check()
    tab.get_by_role("button", name="Gửi", exact=True).click()

    tab.get_by_role("heading", name="Cơ quan đã tiếp nhận hồ sơ của ông/bà").wait_for()
    code = tab.locator("#ma-tra-cuu").inner_text().strip()
    assert CODE.fullmatch(code), code
    case = Case.objects.get()
    assert case.tracking_code == code and case.field is not None and case.field.name == "Giao thông"

    # The code is shown once: a reload does not show it again.
    tab.reload()
    assert tab.get_by_role("heading", name="Mã tra cứu đã được hiển thị").is_visible()
    assert code not in tab.content()

    tab.get_by_role("link", name="Tra cứu hồ sơ").first.click()
    tab.get_by_label("Mã tra cứu").fill(code.lower().replace("-", " "))  # as someone might type it
    tab.get_by_label("4 số cuối số điện thoại").fill("5678")
    tab.get_by_role("button", name="Tra cứu", exact=True).click()

    tab.get_by_role("heading", name=f"Hồ sơ {code}").wait_for()
    assert tab.locator("dd.state").inner_text() == "Tiếp nhận"
    assert "Đèn đường hỏng trên phố Hàng Bài" in tab.content()
    link = tab.locator(".submitted-files a", has_text="den-duong-hong.png")
    downloaded = tab.context.request.get(live_server.url + link.get_attribute("href"))
    assert downloaded.status == 200 and downloaded.body() == photo.read_bytes()
