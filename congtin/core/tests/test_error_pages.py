from __future__ import annotations

import pytest
from django.test import RequestFactory

from congtin.core.views import server_error


@pytest.mark.django_db
def test_the_500_page_is_vietnamese_and_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()
