from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_every_page_footer_leads_citizens_to_the_services_and_each_link_works(client, site_tree):
    html = client.get(site_tree.news.url).content.decode()
    footer = html.split('class="citizen-links"', 1)[1].split("</nav>", 1)[0]
    links = {label: href for href, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)}

    assert links["Gửi phản ánh, kiến nghị"] == "/gui-phan-anh/"
    assert links["Yêu cầu cung cấp thông tin"] == "/yeu-cau-cung-cap-thong-tin/"
    assert links["Tra cứu hồ sơ"] == "/tra-cuu-ho-so/"
    for href in links.values():
        assert client.get(href).status_code == 200, href
