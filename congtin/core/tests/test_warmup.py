"""A new web worker serves the home page and the main sections to itself before its first reader."""

from __future__ import annotations

import logging

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from congtin.core.warmup import warm_worker
from congtin.news.tests.helpers import published_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the WSGI handler would close the connection that holds the test's
    transaction at the start and end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_a_worker_serves_the_home_page_and_the_main_sections_to_itself(site_tree, settings) -> None:
    settings.ALLOWED_HOSTS = ["testserver"]
    published_article(site_tree.news, title="Bài để làm nóng")
    served = warm_worker(get_wsgi_application())
    paths = [path for path, _status in served]
    assert paths[0] == "/"
    assert site_tree.news.url in paths
    assert site_tree.research.url in paths
    assert all(status.startswith("200") for _path, status in served), served


def test_a_worker_starts_even_when_a_page_fails(site_tree, settings, caplog) -> None:
    settings.ALLOWED_HOSTS = ["testserver"]

    def broken(environ, start_response):
        raise RuntimeError("cơ sở dữ liệu không trả lời")

    with caplog.at_level(logging.ERROR, logger="congtin.core.warmup"):
        served = warm_worker(broken)
    assert served == []
    assert "Warming the worker stopped" in caplog.text
