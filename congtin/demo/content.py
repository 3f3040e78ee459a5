"""The project's own demo content: sections and articles of a sample "Tạp chí Tổ chức nhà nước".

Pure data, read by ``congtin.demo.services``. Every sentence here was written for congtin; only facts
(document symbols, dates, titles, names of public bodies) come from public sources. ``validate()`` checks the
invariants the demo site relies on, above all that the reference article's "same section" list shows the five
items of the reference page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

Block = dict[str, Any]
Article = dict[str, Any]


def _p(*sentences: str) -> Block:
    return {"type": "paragraph", "value": "<p>" + " ".join(sentences) + "</p>"}


def _h(text: str) -> Block:
    return {"type": "heading", "value": text}


def _l(*items: str) -> Block:
    return {"type": "list", "value": list(items)}


def _q(text: str, attribution: str) -> Block:
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def _t(caption: str, header: list[str], *rows: list[str]) -> Block:
    return {"type": "table", "value": {"caption": caption, "header": header, "rows": list(rows)}}


def _article(
    key: str,
    section: str,
    title: str,
    summary: str,
    *,
    published: str,
    byline: str,
    author: str | None,
    tags: list[str],
    body: list[Block],
    place: str = "Hà Nội",
    dateline: str | None = None,
    featured: bool = False,
) -> Article:
    return {
        "key": key,
        "section": section,
        "title": title,
        "summary": summary,
        "dateline_place": place,
        "dateline_date": dateline or published[:10],
        "published_at": published,
        "byline": byline,
        "author": author,
        "tags": tags,
        "body": body,
        "featured": featured,
    }


SECTIONS: list[dict[str, Any]] = [
    {
        "key": "tin-tuc",
        "title": "Tin tức - Sự kiện",
        "intro": (
            "Cập nhật hoạt động của Bộ Nội vụ, của ngành Nội vụ và những sự kiện chính trị – xã hội đáng chú "
            "ý trong nước."
        ),
        "children": [],
    },
    {
        "key": "nghien-cuu",
        "title": "Nghiên cứu - Trao đổi",
        "intro": (
            "Diễn đàn để nhà khoa học, nhà quản lý và người làm công tác thực tiễn trao đổi về tổ chức bộ "
            "máy nhà nước và quản trị công."
        ),
        "children": [
            {
                "key": "ly-luan",
                "title": "Lý luận",
                "intro": (
                    "Những bài viết soi rọi dưới góc nhìn khoa học các vấn đề lý luận về nhà nước pháp "
                    "quyền, công vụ và công tác cán bộ."
                ),
                "children": [],
            },
            {
                "key": "thuc-tien",
                "title": "Thực tiễn",
                "intro": (
                    "Kinh nghiệm, mô hình hay và bài học rút ra từ việc thực thi chính sách nội vụ tại các "
                    "bộ, ngành và địa phương."
                ),
                "children": [],
            },
        ],
    },
    {
        "key": "thong-cao",
        "title": "Thông cáo báo chí",
        "intro": (
            "Nơi đăng tải chính thức các thông cáo, thông tin báo chí mà Bộ Nội vụ phát hành về hoạt động và "
            "văn bản mới của Bộ."
        ),
        "children": [],
    },
    {
        "key": "dia-phuong",
        "title": "Chính quyền địa phương",
        "intro": (
            "Phản ánh việc tổ chức và vận hành chính quyền các cấp, từ sắp xếp đơn vị hành chính đến chính "
            "quyền đô thị và cơ sở."
        ),
        "children": [],
    },
    {
        "key": "cai-cach",
        "title": "Cải cách hành chính",
        "intro": (
            "Theo dõi tiến trình cải cách thể chế, thủ tục hành chính, chế độ công vụ và xây dựng chính phủ "
            "điện tử trên cả nước."
        ),
        "children": [],
    },
]

REFERENCE_ARTICLE_KEY = "bnv-trien-khai-chi-thi-12"

# The "Tin tức cùng chuyên mục" list of the reference page, newest first.
REFERENCE_SAME_SECTION_KEYS = (
    "hoi-dam-chu-tich-quoc-hoi-voi-chu-tich-nhan-dai",
    "giu-vung-su-lanh-dao-cua-dang-voi-bao-chi",
    "thong-cao-ky-hop-thu-tu-ubkt-trung-uong",
    "huong-dan-tuyen-truyen-110-nam-dai-tuong-vo-nguyen-giap",
    "nghi-quyet-02-nq-tw-ve-cong-doan-viet-nam",
)

ARTICLES: list[Article] = [
    # ------------------------------------------------------------------ Tin tức - Sự kiện
    _article(
        "bnv-trien-khai-chi-thi-12",
        "tin-tuc",
        "Bộ Nội vụ triển khai thực hiện Chỉ thị số 12/CT-TTg ngày 12/5/2021 của Thủ tướng Chính phủ",
        "Để cụ thể hóa Chỉ thị số 12/CT-TTg của Thủ tướng Chính phủ, Bộ Nội vụ đã ban hành văn bản số "
        "2761/BNV-TC, giao nhiệm vụ tuyên truyền phục vụ bảo vệ Tổ quốc đến từng đơn vị thuộc, trực thuộc "
        "Bộ.",
        published="2021-06-09T03:41",
        dateline="2021-06-20",
        byline="PV",
        author="reporter",
        tags=["báo chí", "bảo vệ Tổ quốc", "truyền thông"],
        featured=True,
        body=[
            _p(
                "Ngày 09/6/2021, Bộ Nội vụ có văn bản số 2761/BNV-TC hướng dẫn việc thực hiện <b>Chỉ thị số "
                "12/CT-TTg ngày 12/5/2021</b> của Thủ tướng Chính phủ về tăng cường công tác tuyên truyền, "
                "định hướng hoạt động truyền thông, báo chí phục vụ nhiệm vụ bảo vệ Tổ quốc; kịp thời chấn "
                "chỉnh và xử lý các vi phạm trong hoạt động báo chí, truyền thông.",
            ),
            _p(
                "Văn bản đặt ra ba yêu cầu chung. Thứ nhất, các đơn vị phải làm tốt hơn việc thông tin, "
                "tuyên truyền để mỗi cán bộ, công chức, viên chức và người lao động của Bộ, của ngành Nội vụ "
                "thấy rõ trách nhiệm của mình đối với sự nghiệp bảo vệ Tổ quốc.",
                "Thứ hai, giữa các đơn vị trong Bộ và trong ngành cần có sự phối hợp nhịp nhàng khi trao "
                "đổi, cung cấp thông tin; nội dung và cách thức truyền thông phải phong phú hơn, chú trọng "
                "mạng xã hội và các kênh truyền thông mới.",
                "Thứ ba, các giải pháp kỹ thuật, công nghệ cần được khai thác nhiều hơn, vừa để lan tỏa "
                "thông tin, vừa để sớm phát hiện và xử lý vi phạm.",
            ),
            _h("Các đơn vị thuộc, trực thuộc Bộ và các đoàn thể chính trị"),
            _l(
                "Chủ động cung cấp thông tin chính thống cho báo chí và các cơ quan thông tin, giữ mối phối "
                "hợp thường xuyên với họ theo đúng quy định của Đảng, Nhà nước, để việc tuyên truyền nhanh, "
                "chính xác và đạt hiệu quả.",
                "Coi trọng truyền thông ngay từ khâu soạn thảo thể chế, giúp cả hệ thống chính trị đồng "
                "thuận, thống nhất trong công cuộc bảo vệ Tổ quốc.",
                "Kiên quyết đấu tranh với quan điểm sai trái, âm mưu và thủ đoạn của các thế lực thù địch "
                "nhắm vào những thể chế do Bộ Nội vụ ban hành theo thẩm quyền hoặc trình cấp có thẩm quyền "
                "ban hành.",
                "Ban Tôn giáo Chính phủ, Ban Thi đua - Khen thưởng Trung ương, Học viện Hành chính Quốc gia "
                "và Trường Đại học Nội vụ Hà Nội tăng cường chỉ đạo, định hướng, đôn đốc và kiểm tra nội "
                "dung thông tin trên tạp chí, trang thông tin do mình quản lý.",
            ),
            _h("Văn phòng Bộ"),
            _l(
                "Bảo đảm thực hiện đúng Nghị định số 09/2017/NĐ-CP ngày 09/02/2017 của Chính phủ quy định "
                "chi tiết việc phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà "
                "nước.",
                "Làm tròn vai trò Người phát ngôn của Bộ Nội vụ, chủ động đưa thông tin tới báo chí; chuẩn "
                "bị nội dung để Lãnh đạo Bộ dự Họp báo Chính phủ thường kỳ cũng như các cuộc họp báo của Bộ "
                "theo quy định.",
                "Theo dõi sát dư luận xã hội, nắm chắc ý kiến chỉ đạo của Ban Cán sự đảng Bộ, Đảng ủy Bộ và "
                "Lãnh đạo Bộ, từ đó định hướng không chậm trễ cho báo chí và các cơ quan thông tin.",
                "Chuyển cho Trung tâm Thông tin và Tạp chí Tổ chức nhà nước những văn bản đi, đến trên hệ "
                "thống Voffice cần thiết cho việc truyền thông về các lĩnh vực do Bộ quản lý.",
            ),
            _h("Trung tâm Thông tin"),
            _l(
                "Đưa tin nhanh, chủ động tới cán bộ, công chức, viên chức, người lao động của Bộ về các chỉ "
                "đạo của Ban Cán sự đảng Bộ, Đảng ủy Bộ và Lãnh đạo Bộ.",
                "Giữ cho mục “Tiếp cận thông tin” trên Cổng Thông tin điện tử của Bộ hoạt động thường xuyên, "
                "nội dung luôn được bổ sung, làm mới kịp thời.",
                "Thu thập, tổng hợp và báo cáo không chậm trễ những kiến nghị mà người dân, doanh nghiệp gửi "
                "tới Bộ.",
            ),
            _h("Tạp chí Tổ chức nhà nước"),
            _l(
                "Chủ động tuyên truyền cho nhiệm vụ bảo vệ Tổ quốc bằng nhiều hình thức phong phú, nội dung "
                "sâu sắc, góp phần nâng cao vị thế đất nước và làm rõ chức năng, vị trí, vai trò của Bộ và "
                "của ngành Nội vụ.",
                "Phối hợp tốt với các đơn vị trong Bộ và với báo chí, truyền thông để cán bộ, công chức, "
                "viên chức cùng cả hệ thống chính trị ý thức rõ hơn trách nhiệm bảo vệ Tổ quốc; phản bác kịp "
                "thời quan điểm sai trái, âm mưu thù địch, bảo vệ Đảng và Nhà nước.",
                "Hoạt động đúng tôn chỉ, mục đích của Tạp chí; thông tin theo sát định hướng của Ban Tuyên "
                "giáo Trung ương cũng như của Ban Cán sự đảng, Đảng ủy Bộ và Lãnh đạo Bộ Nội vụ.",
                "Người đứng đầu Tạp chí chịu trách nhiệm chính về việc giữ đúng định hướng thông tin và về "
                "quản lý đội ngũ phóng viên, viên chức, cộng tác viên.",
            ),
        ],
    ),
    _article(
        "hoi-dam-chu-tich-quoc-hoi-voi-chu-tich-nhan-dai",
        "tin-tuc",
        "Chủ tịch Quốc hội Vương Đình Huệ hội đàm trực tuyến với Ủy viên trưởng Ủy ban Thường vụ Đại hội đại "
        "biểu nhân dân toàn quốc Trung Quốc Lật Chiến Thư",
        "Ngày 17/6/2021, từ Nhà Quốc hội, Chủ tịch Quốc hội Vương Đình Huệ đã hội đàm theo hình thức trực "
        "tuyến với Ủy viên trưởng Ủy ban Thường vụ Đại hội đại biểu nhân dân toàn quốc Trung Quốc Lật Chiến "
        "Thư.",
        published="2021-06-18T15:20",
        byline="PV",
        author="reporter",
        tags=["hoạt động Quốc hội", "đối ngoại"],
        featured=True,
        body=[
            _p(
                "Cuộc hội đàm được tổ chức theo hình thức trực tuyến, điểm cầu phía Việt Nam đặt tại Nhà "
                "Quốc hội, Hà Nội.",
                "Phía Trung Quốc, Ủy viên trưởng Ủy ban Thường vụ Đại hội đại biểu nhân dân toàn quốc "
                "(thường gọi là Chủ tịch Nhân đại, tương đương Chủ tịch Quốc hội) Lật Chiến Thư tham dự tại "
                "điểm cầu của nước bạn.",
            ),
            _h("Hình thức làm việc phù hợp với bối cảnh dịch bệnh"),
            _p(
                "Khi dịch COVID-19 vẫn diễn biến phức tạp, hội đàm trực tuyến giúp lãnh đạo cơ quan lập pháp "
                "hai nước duy trì trao đổi thường xuyên mà vẫn bảo đảm yêu cầu phòng, chống dịch.",
                "Từ năm 2020 đến nay, nhiều hoạt động đối ngoại của Quốc hội đã được chuyển sang hình thức "
                "này và mang lại kết quả thiết thực.",
            ),
            _h("Kênh hợp tác quan trọng giữa hai cơ quan lập pháp"),
            _p(
                "Hợp tác giữa Quốc hội Việt Nam và Nhân đại Trung Quốc là một bộ phận của quan hệ Đối tác "
                "hợp tác chiến lược toàn diện Việt Nam – Trung Quốc.",
                "Qua các cơ chế giao lưu, hai cơ quan lập pháp có điều kiện chia sẻ kinh nghiệm về lập pháp, "
                "giám sát và quyết định những vấn đề quan trọng của đất nước, góp phần vun đắp nền tảng xã "
                "hội cho quan hệ giữa hai nước.",
            ),
            _p(
                "Nội dung chi tiết của cuộc hội đàm được đăng tải trên Cổng Thông tin điện tử Quốc hội.",
                "Tạp chí Tổ chức nhà nước sẽ tiếp tục cập nhật các hoạt động đối ngoại của Quốc hội để bạn "
                "đọc tiện theo dõi.",
            ),
        ],
    ),
    _article(
        "giu-vung-su-lanh-dao-cua-dang-voi-bao-chi",
        "tin-tuc",
        "Tiếp tục giữ vững và tăng cường sự lãnh đạo của Đảng đối với công tác báo chí hiện nay",
        "Từ số báo “Thanh niên” đầu tiên đến nền báo chí cách mạng hôm nay, sự lãnh đạo của Đảng luôn giữ "
        "vai trò quyết định; Quyết định số 52-QĐ/TW ngày 05/02/1985 của Ban Bí thư đã chọn ngày 21/6 hằng "
        "năm làm Ngày Báo chí Việt Nam.",
        published="2021-06-18T09:05",
        byline="Minh Anh",
        author="reporter",
        tags=["báo chí", "xây dựng Đảng"],
        featured=True,
        body=[
            _p(
                "Ngày 21/6/1925, tờ “Thanh niên” do lãnh tụ Nguyễn Ái Quốc sáng lập ra số đầu tiên, mở đầu "
                "dòng chảy của báo chí cách mạng Việt Nam.",
                "Ghi nhận dấu mốc ấy, ngày 05/02/1985 Ban Bí thư Trung ương Đảng ban hành Quyết định số "
                "52-QĐ/TW, chọn ngày 21/6 làm Ngày Báo chí Việt Nam.",
                "Năm 2000, nhân dịp kỷ niệm 75 năm, Bộ Chính trị đồng ý với đề nghị của Hội Nhà báo Việt Nam "
                "đổi tên thành Ngày Báo chí cách mạng Việt Nam.",
            ),
            _q(
                "Cán bộ báo chí cũng là chiến sĩ cách mạng. Cây bút, trang giấy là vũ khí sắc bén của họ.",
                "Chủ tịch Hồ Chí Minh",
            ),
            _h("Lãnh đạo báo chí trong môi trường truyền thông mới"),
            _p(
                "Mạng xã hội khiến dòng thông tin trở nên nhanh hơn, đa chiều hơn và cũng khó kiểm chứng "
                "hơn.",
                "Trong bối cảnh ấy, giữ vững sự lãnh đạo của Đảng không có nghĩa là làm thay công việc của "
                "tòa soạn, mà là định hướng đúng, xây dựng hành lang pháp lý rõ ràng và chăm lo đội ngũ "
                "người làm báo vững vàng về chính trị, giỏi về nghề nghiệp.",
            ),
            _l(
                "Thực hiện nghiêm Luật Báo chí năm 2016 và quy hoạch phát triển, quản lý báo chí toàn quốc.",
                "Đề cao trách nhiệm của cơ quan chủ quản và người đứng đầu cơ quan báo chí.",
                "Bồi dưỡng bản lĩnh chính trị, đạo đức nghề nghiệp cho phóng viên, biên tập viên.",
                "Đẩy mạnh chuyển đổi số trong tòa soạn, dùng thông tin chính thống để chiếm lĩnh không gian "
                "mạng.",
            ),
        ],
    ),
    _article(
        "thong-cao-ky-hop-thu-tu-ubkt-trung-uong",
        "tin-tuc",
        "Thông cáo báo chí kỳ họp thứ tư Ủy ban Kiểm tra Trung ương khóa XIII",
        "Từ ngày 14 đến ngày 16/6/2021, Ủy ban Kiểm tra Trung ương họp Kỳ thứ tư tại Hà Nội dưới sự chủ trì "
        "của đồng chí Trần Cẩm Tú, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Chủ nhiệm Ủy ban Kiểm tra "
        "Trung ương.",
        published="2021-06-17T16:10",
        byline="",
        author=None,
        tags=["kiểm tra, giám sát", "xây dựng Đảng"],
        body=[
            _p(
                "Kỳ họp thứ tư của Ủy ban Kiểm tra Trung ương khóa XIII diễn ra tại Hà Nội trong ba ngày, từ "
                "14 đến 16/6/2021.",
                "Trong ba ngày làm việc, Ủy ban đã cho ý kiến và ra quyết định đối với một số vấn đề thuộc "
                "thẩm quyền theo Điều lệ Đảng và quy chế làm việc của Ủy ban.",
                "Kết quả cụ thể được công bố trong thông cáo báo chí do Ủy ban Kiểm tra Trung ương phát "
                "hành.",
            ),
            _h("Những nhóm công việc thường được xem xét tại kỳ họp"),
            _l(
                "Xem xét kết quả kiểm tra tổ chức đảng, đảng viên khi có dấu hiệu vi phạm.",
                "Xem xét, giải quyết tố cáo và khiếu nại kỷ luật đảng theo thẩm quyền.",
                "Thi hành kỷ luật hoặc đề nghị cấp có thẩm quyền thi hành kỷ luật.",
                "Cho ý kiến về chương trình, kế hoạch kiểm tra, giám sát trong thời gian tới.",
            ),
            _h("Ý nghĩa của công tác kiểm tra, giám sát"),
            _p(
                "Kiểm tra, giám sát là những chức năng lãnh đạo của Đảng, giúp giữ nghiêm kỷ luật, kỷ cương "
                "và phòng ngừa sai phạm ngay từ khi còn manh nha.",
                "Việc công bố thông cáo sau mỗi kỳ họp thể hiện tinh thần công khai, minh bạch, để cán bộ, "
                "đảng viên và nhân dân có thể theo dõi, giám sát quá trình xử lý vi phạm trong Đảng.",
            ),
        ],
    ),
    _article(
        "huong-dan-tuyen-truyen-110-nam-dai-tuong-vo-nguyen-giap",
        "tin-tuc",
        "Hướng dẫn tuyên truyền kỷ niệm 110 năm Ngày sinh Đại tướng Võ Nguyên Giáp",
        "Ban Tuyên giáo Trung ương đã ban hành Hướng dẫn số 08-HD/BTGTW định hướng công tác tuyên truyền "
        "nhân dịp kỷ niệm 110 năm Ngày sinh Đại tướng Võ Nguyên Giáp (25/8/1911 – 25/8/2021).",
        published="2021-06-15T10:30",
        byline="Minh Anh",
        author="reporter",
        tags=["tuyên truyền", "kỷ niệm ngày lễ lớn"],
        body=[
            _p(
                "Hướng dẫn số 08-HD/BTGTW của Ban Tuyên giáo Trung ương định hướng các hoạt động tuyên "
                "truyền nhân kỷ niệm 110 năm Ngày sinh Đại tướng Võ Nguyên Giáp.",
                "Qua đợt tuyên truyền, cán bộ, đảng viên và các tầng lớp nhân dân, nhất là thế hệ trẻ, có "
                "thêm hiểu biết về thân thế, sự nghiệp và những đóng góp to lớn của Đại tướng đối với cách "
                "mạng Việt Nam.",
            ),
            _h("Một số nội dung tuyên truyền"),
            _l(
                "Cuộc đời và quá trình hoạt động cách mạng của Đại tướng, người con của quê hương Lộc Thủy, "
                "Lệ Thủy, Quảng Bình.",
                "Vai trò của Đại tướng trong xây dựng Quân đội nhân dân Việt Nam và chỉ huy các chiến dịch "
                "lớn, tiêu biểu là Chiến dịch Điện Biên Phủ năm 1954.",
                "Tấm gương đạo đức, lối sống giản dị, gần gũi nhân dân của người học trò xuất sắc của Chủ "
                "tịch Hồ Chí Minh.",
                "Giá trị của tư tưởng quân sự Võ Nguyên Giáp đối với sự nghiệp xây dựng và bảo vệ Tổ quốc "
                "hôm nay.",
            ),
            _h("Hình thức triển khai"),
            _p(
                "Các cơ quan báo chí, hệ thống thông tin cơ sở và trang thông tin điện tử của các bộ, ngành, "
                "địa phương được đề nghị mở chuyên trang, chuyên mục, kết hợp hội thảo, triển lãm và giao "
                "lưu với nhân chứng lịch sử.",
                "Những hoạt động tập trung đông người phải tuân thủ nghiêm các biện pháp phòng, chống dịch "
                "COVID-19.",
            ),
        ],
    ),
    _article(
        "nghi-quyet-02-nq-tw-ve-cong-doan-viet-nam",
        "tin-tuc",
        "Nghị quyết của Bộ Chính trị về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình "
        "mới",
        "Ngày 12/6/2021, Tổng Bí thư Nguyễn Phú Trọng thay mặt Bộ Chính trị ký ban hành Nghị quyết số "
        "02-NQ/TW về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới; Tạp chí Tổ "
        "chức nhà nước giới thiệu bối cảnh và những định hướng lớn của văn kiện.",
        published="2021-06-14T08:15",
        byline="BBT",
        author="editor",
        tags=["công đoàn", "nghị quyết của Đảng"],
        body=[
            _p(
                "Nghị quyết số 02-NQ/TW ngày 12/6/2021 là văn kiện quan trọng của Bộ Chính trị về Công đoàn "
                "Việt Nam, ra đời khi quan hệ lao động ở nước ta đang chuyển biến mạnh trong quá trình hội "
                "nhập kinh tế quốc tế sâu rộng.",
            ),
            _h("Bối cảnh ban hành"),
            _p(
                "Bộ luật Lao động năm 2019, có hiệu lực từ ngày 01/01/2021, đã ghi nhận quyền thành lập tổ "
                "chức của người lao động tại doanh nghiệp.",
                "Đây vừa là cơ hội, vừa là thách thức, đòi hỏi tổ chức Công đoàn đổi mới mạnh mẽ để thực sự "
                "là chỗ dựa tin cậy của đoàn viên, người lao động.",
            ),
            _h("Những định hướng lớn"),
            _l(
                "Giữ vững bản chất giai cấp công nhân, vai trò tổ chức chính trị - xã hội rộng lớn của giai "
                "cấp công nhân và người lao động.",
                "Đổi mới nội dung, phương thức hoạt động, lấy cơ sở làm địa bàn trọng tâm, lấy đoàn viên, "
                "người lao động làm đối tượng phục vụ.",
                "Nâng cao hiệu quả đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của người lao động "
                "trong đối thoại và thương lượng tập thể.",
                "Tăng cường sự lãnh đạo của Đảng, sự quản lý của Nhà nước đối với hoạt động công đoàn.",
            ),
            _p(
                "Toàn văn Nghị quyết được đăng tải trên Báo Điện tử Đảng Cộng sản Việt Nam và các cơ quan "
                "báo chí chính thống; bạn đọc có thể tra cứu để nghiên cứu, quán triệt.",
            ),
        ],
    ),
    _article(
        "ky-niem-73-nam-loi-keu-goi-thi-dua-ai-quoc",
        "tin-tuc",
        "Kỷ niệm 73 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc",
        "Nhân kỷ niệm 73 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 – "
        "11/6/2021), các cơ quan làm công tác thi đua, khen thưởng đẩy mạnh tuyên truyền, gắn phong trào thi "
        "đua với phòng, chống dịch và phát triển kinh tế – xã hội.",
        published="2021-06-11T09:00",
        byline="PV",
        author="reporter",
        tags=["thi đua, khen thưởng", "phong trào thi đua"],
        body=[
            _p(
                "Ngày 11/6/1948, Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc, khơi dậy một phong "
                "trào rộng khắp với mục tiêu diệt giặc đói, diệt giặc dốt, diệt giặc ngoại xâm.",
                "Hơn bảy thập kỷ qua, tinh thần ấy được các thế hệ người Việt Nam tiếp nối trong chiến đấu, "
                "lao động sản xuất và xây dựng đất nước.",
            ),
            _q(
                "Thi đua là yêu nước, yêu nước thì phải thi đua. Và những người thi đua là những người yêu "
                "nước nhất.",
                "Chủ tịch Hồ Chí Minh",
            ),
            _h("Thi đua trong điều kiện mới"),
            _p(
                "Năm 2021, phong trào thi đua được triển khai khi cả nước vừa phải phòng, chống dịch "
                "COVID-19, vừa phải phục hồi và phát triển kinh tế – xã hội.",
                "Ban Thi đua - Khen thưởng Trung ương đề nghị các bộ, ngành, địa phương kịp thời phát hiện, "
                "biểu dương những tập thể, cá nhân tiêu biểu, nhất là lực lượng tuyến đầu chống dịch và "
                "người lao động trực tiếp.",
                "Công tác khen thưởng tiếp tục thực hiện theo Luật Thi đua, khen thưởng và Nghị định số "
                "91/2017/NĐ-CP.",
            ),
            _l(
                "Khen thưởng chính xác, kịp thời, công khai, minh bạch, đúng người, đúng thành tích.",
                "Ưu tiên khen thưởng người trực tiếp lao động, sản xuất, chiến đấu.",
                "Gắn tổng kết phong trào với việc nhân rộng điển hình tiên tiến.",
            ),
        ],
    ),
    _article(
        "nganh-noi-vu-san-sang-cho-ngay-bau-cu",
        "tin-tuc",
        "Ngành Nội vụ sẵn sàng cho ngày bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp",
        "Chỉ còn ít ngày trước ngày bầu cử 23/5/2021, các cơ quan nội vụ từ Trung ương đến địa phương đang "
        "khẩn trương hoàn tất những khâu chuẩn bị cuối cùng để cuộc bầu cử diễn ra dân chủ, đúng luật và an "
        "toàn.",
        published="2021-05-20T14:00",
        byline="Minh Anh",
        author="reporter",
        tags=["bầu cử", "chính quyền địa phương"],
        body=[
            _p(
                "Cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ "
                "2021–2026 được tổ chức vào Chủ nhật, ngày 23/5/2021.",
                "Với chức năng tham mưu về tổ chức chính quyền địa phương, ngành Nội vụ đảm nhận nhiều phần "
                "việc như hướng dẫn nghiệp vụ, tổng hợp tình hình và theo dõi công tác chuẩn bị ở các địa "
                "phương.",
            ),
            _h("Những việc cần hoàn thành trước ngày bầu cử"),
            _l(
                "Rà soát, niêm yết danh sách cử tri và giải quyết kịp thời khiếu nại về danh sách cử tri.",
                "Kiểm tra việc in ấn, phân phối phiếu bầu, hòm phiếu và các mẫu biên bản.",
                "Chuẩn bị phương án bỏ phiếu tại khu cách ly y tế, bệnh viện, cơ sở điều trị.",
                "Tập huấn lại cho thành viên tổ bầu cử về quy trình kiểm phiếu và lập biên bản.",
            ),
            _h("Bảo đảm an toàn phòng, chống dịch"),
            _p(
                "Trước diễn biến phức tạp của dịch COVID-19, các tổ bầu cử được yêu cầu bố trí khu vực bỏ "
                "phiếu thông thoáng, có dung dịch sát khuẩn, hướng dẫn cử tri đeo khẩu trang và giữ khoảng "
                "cách.",
                "Ở nơi phải cách ly, việc mang hòm phiếu phụ đến cử tri được thực hiện theo hướng dẫn của "
                "Hội đồng bầu cử quốc gia.",
            ),
        ],
    ),
    _article(
        "bnv-siet-chat-phong-chong-covid-19-tai-co-quan",
        "tin-tuc",
        "Bộ Nội vụ yêu cầu siết chặt các biện pháp phòng, chống dịch COVID-19 tại cơ quan",
        "Trước nguy cơ lây nhiễm trong cộng đồng, các đơn vị thuộc, trực thuộc Bộ Nội vụ được yêu cầu thực "
        "hiện nghiêm các biện pháp phòng dịch, đồng thời bảo đảm công việc chuyên môn không bị gián đoạn.",
        published="2021-05-07T16:45",
        byline="PV",
        author="reporter",
        tags=["phòng, chống dịch", "công sở"],
        body=[
            _p(
                "Trước diễn biến mới của dịch COVID-19 từ cuối tháng 4/2021, Lãnh đạo Bộ Nội vụ chỉ đạo các "
                "đơn vị quán triệt tinh thần “chống dịch như chống giặc”, không chủ quan, lơ là, đồng thời "
                "chủ động xây dựng phương án làm việc phù hợp với từng cấp độ dịch.",
            ),
            _h("Yêu cầu đối với các đơn vị"),
            _l(
                "Thực hiện nghiêm thông điệp 5K của Bộ Y tế tại trụ sở cơ quan.",
                "Hạn chế hội nghị, hội thảo tập trung đông người; ưu tiên hình thức trực tuyến.",
                "Khai báo y tế đầy đủ khi đi công tác hoặc trở về từ vùng có dịch.",
                "Tăng cường xử lý hồ sơ, văn bản trên môi trường điện tử.",
            ),
            _h("Duy trì hoạt động chuyên môn"),
            _p(
                "Cùng với phòng dịch, các đơn vị phải bảo đảm tiến độ xây dựng văn bản quy phạm pháp luật và "
                "các đề án trình cấp có thẩm quyền.",
                "Hệ thống quản lý văn bản và điều hành cùng chữ ký số được khai thác tối đa, để công chức xử "
                "lý công việc linh hoạt khi cần làm việc từ xa.",
                "Thủ trưởng đơn vị chịu trách nhiệm trước Lãnh đạo Bộ nếu để xảy ra lây nhiễm do buông lỏng "
                "quản lý.",
            ),
        ],
    ),
    _article(
        "dai-le-phat-dan-2021-an-toan-mua-dich",
        "tin-tuc",
        "Bảo đảm Đại lễ Phật đản năm 2021 an toàn trong bối cảnh dịch bệnh",
        "Đại lễ Phật đản Phật lịch 2565 năm nay rơi vào ngày 26/5/2021; các cơ quan quản lý nhà nước về tôn "
        "giáo đề nghị cơ sở thờ tự tổ chức nghi lễ gọn nhẹ, phù hợp với yêu cầu phòng, chống dịch.",
        published="2021-05-18T10:20",
        byline="Minh Anh",
        author="reporter",
        tags=["tôn giáo", "phòng, chống dịch"],
        body=[
            _p(
                "Đại lễ Phật đản Phật lịch 2565 diễn ra vào Rằm tháng Tư âm lịch, tức ngày 26/5/2021.",
                "Khi dịch COVID-19 bùng phát trở lại ở nhiều địa phương, việc tổ chức đại lễ cần được cân "
                "nhắc kỹ để vừa đáp ứng nhu cầu sinh hoạt tôn giáo chính đáng của tăng ni, phật tử, vừa giữ "
                "an toàn cho cộng đồng.",
            ),
            _h("Quyền tự do tín ngưỡng, tôn giáo gắn với trách nhiệm cộng đồng"),
            _p(
                "Hiến pháp năm 2013 và Luật Tín ngưỡng, tôn giáo năm 2016 bảo đảm quyền tự do tín ngưỡng, "
                "tôn giáo của mọi người.",
                "Hiến pháp cũng cho phép luật hạn chế quyền con người, quyền công dân khi thật cần thiết, vì "
                "những lý do như trật tự, an toàn xã hội hay sức khỏe của cộng đồng.",
            ),
            _l(
                "Thu gọn quy mô các nghi lễ tập trung; tăng cường truyền hình trực tuyến.",
                "Không tổ chức diễu hành, rước xe hoa ở nơi có nguy cơ lây nhiễm cao.",
                "Bố trí lối đi một chiều, kiểm soát số người có mặt tại chùa, cơ sở thờ tự.",
            ),
            _p(
                "Nhiều chùa, tự viện đã chủ động điều chỉnh chương trình, khuyến khích phật tử lễ Phật tại "
                "gia và theo dõi nghi lễ qua mạng.",
                "Cách làm ấy thể hiện tinh thần “tốt đời, đẹp đạo”, đồng hành cùng chính quyền trong phòng, "
                "chống dịch.",
            ),
        ],
    ),
    _article(
        "ky-niem-75-nam-ngay-luu-tru-viet-nam",
        "tin-tuc",
        "Kỷ niệm 75 năm Ngày Lưu trữ Việt Nam (03/01/1946 – 03/01/2021)",
        "Ngành Lưu trữ kỷ niệm 75 năm ngày Chủ tịch Hồ Chí Minh ký Thông đạt số 1C/VP – văn bản đặt nền móng "
        "cho sự nghiệp lưu trữ của nước Việt Nam mới.",
        published="2021-01-04T08:30",
        byline="Minh Anh",
        author="reporter",
        tags=["lưu trữ", "văn thư"],
        body=[
            _p(
                "Ngày 03/01/1946, chỉ bốn tháng sau khi nước Việt Nam Dân chủ Cộng hòa ra đời, Chủ tịch Hồ "
                "Chí Minh ký Thông đạt số 1C/VP, yêu cầu các cơ quan không được tự ý tiêu hủy công văn, tài "
                "liệu.",
                "Văn bản ngắn gọn ấy cho thấy tầm nhìn của Người về giá trị của tài liệu lưu trữ đối với "
                "quốc gia; ngày 03/01 về sau được chọn làm Ngày Lưu trữ Việt Nam.",
            ),
            _h("Những bước phát triển quan trọng"),
            _p(
                "Trải qua 75 năm, thể chế về lưu trữ từng bước được hoàn thiện, mà dấu mốc là Luật Lưu trữ "
                "năm 2011.",
                "Các trung tâm lưu trữ quốc gia và lưu trữ lịch sử cấp tỉnh đang bảo quản khối tài liệu đồ "
                "sộ, trong đó Mộc bản triều Nguyễn và Châu bản triều Nguyễn đã được UNESCO ghi danh trong "
                "Chương trình Ký ức thế giới.",
            ),
            _h("Hướng tới lưu trữ số"),
            _p(
                "Trọng tâm thời gian tới là số hóa tài liệu, xây dựng cơ sở dữ liệu lưu trữ và quản lý tài "
                "liệu điện tử theo Nghị định số 30/2020/NĐ-CP về công tác văn thư.",
                "Tài liệu khi được số hóa sẽ dễ khai thác hơn, phục vụ tốt hơn nghiên cứu khoa học, quản lý "
                "nhà nước và nhu cầu chính đáng của người dân.",
            ),
        ],
    ),
    # ------------------------------------------------------------------ Thông cáo báo chí
    _article(
        "tc-hoi-nghi-tong-ket-nganh-noi-vu-2020",
        "thong-cao",
        "Thông cáo báo chí Hội nghị tổng kết công tác năm 2020 và triển khai nhiệm vụ năm 2021 của ngành Nội "
        "vụ",
        "Bộ Nội vụ tổ chức hội nghị trực tuyến với các tỉnh, thành phố trực thuộc Trung ương để đánh giá kết "
        "quả công tác năm 2020 và thống nhất các nhiệm vụ trọng tâm của ngành trong năm 2021.",
        published="2021-01-12T17:30",
        byline="Văn phòng Bộ",
        author=None,
        tags=["ngành Nội vụ", "tổng kết năm"],
        featured=True,
        body=[
            _p(
                "Hội nghị được tổ chức theo hình thức trực tuyến, kết nối điểm cầu Bộ Nội vụ với sở nội vụ "
                "các tỉnh, thành phố trực thuộc Trung ương.",
                "Tham dự có đại diện các bộ, ngành liên quan, Lãnh đạo Bộ Nội vụ và lãnh đạo các đơn vị "
                "thuộc, trực thuộc Bộ.",
            ),
            _h("Kết quả nổi bật năm 2020"),
            _p(
                "Năm 2020, ngành Nội vụ tham mưu ban hành nhiều văn bản quan trọng, trong đó có các nghị "
                "định hướng dẫn Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên "
                "chức như Nghị định số 115/2020/NĐ-CP và Nghị định số 138/2020/NĐ-CP.",
                "Việc sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2019–2021 cơ bản đạt yêu cầu; "
                "công tác chuẩn bị bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp được triển khai "
                "sớm.",
            ),
            _t(
                "Một số nhiệm vụ trọng tâm năm 2021",
                ["Lĩnh vực", "Nhiệm vụ trọng tâm"],
                ["Tổ chức bộ máy", "Tiếp tục sắp xếp, kiện toàn tổ chức theo Nghị quyết số 18-NQ/TW"],
                [
                    "Chính quyền địa phương",
                    "Phục vụ bầu cử, kiện toàn chính quyền các cấp nhiệm kỳ 2021–2026",
                ],
                [
                    "Công chức, viên chức",
                    "Triển khai Nghị định số 138/2020/NĐ-CP và Nghị định số 115/2020/NĐ-CP",
                ],
                [
                    "Cải cách hành chính",
                    "Xây dựng Chương trình tổng thể cải cách hành chính giai đoạn 2021–2030",
                ],
                [
                    "Tiền lương",
                    "Chuẩn bị điều kiện cải cách chính sách tiền lương theo Nghị quyết số 27-NQ/TW",
                ],
            ),
            _p(
                "Kết luận hội nghị, Lãnh đạo Bộ đề nghị toàn ngành phát huy tinh thần đoàn kết, đổi mới, chủ "
                "động chuẩn bị các điều kiện để triển khai ngay Nghị quyết Đại hội XIII của Đảng sau khi "
                "được ban hành.",
            ),
        ],
    ),
    _article(
        "tc-phat-dong-phong-trao-thi-dua-2021",
        "thong-cao",
        "Thông cáo báo chí Lễ phát động phong trào thi đua năm 2021 của Bộ Nội vụ",
        "Bộ Nội vụ phát động phong trào thi đua năm 2021 với tinh thần đoàn kết, kỷ cương, đổi mới, sáng "
        "tạo, hướng tới thực hiện thắng lợi Nghị quyết Đại hội XIII của Đảng và cuộc bầu cử đại biểu Quốc "
        "hội, Hội đồng nhân dân các cấp.",
        published="2021-02-25T10:00",
        byline="Văn phòng Bộ",
        author=None,
        tags=["thi đua, khen thưởng", "ngành Nội vụ"],
        body=[
            _p(
                "Lễ phát động được tổ chức tại trụ sở Bộ Nội vụ, kết nối trực tuyến với các đơn vị thuộc, "
                "trực thuộc Bộ.",
                "Phong trào năm nay triển khai theo Luật Thi đua, khen thưởng và Nghị định số 91/2017/NĐ-CP, "
                "gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
            ),
            _h("Nội dung thi đua"),
            _l(
                "Hoàn thành đúng tiến độ, bảo đảm chất lượng các đề án, văn bản trong Chương trình công tác "
                "năm 2021.",
                "Đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin trong xử lý công việc.",
                "Thực hiện văn hóa công sở, siết chặt kỷ luật, kỷ cương hành chính.",
                "Tham gia phòng, chống dịch COVID-19 và các hoạt động an sinh xã hội.",
            ),
            _h("Ký kết giao ước thi đua"),
            _p(
                "Tại buổi lễ, đại diện các khối thi đua đã ký kết giao ước thi đua năm 2021.",
                "Hội đồng Thi đua - Khen thưởng Bộ sẽ theo dõi, đánh giá định kỳ, kịp thời biểu dương tập "
                "thể, cá nhân tiêu biểu và đề nghị cấp trên khen thưởng theo quy định.",
                "Kết quả phong trào là căn cứ để bình xét danh hiệu thi đua cuối năm của các đơn vị.",
            ),
        ],
    ),
    _article(
        "tc-ke-hoach-chuyen-doi-so-bnv-2021",
        "thong-cao",
        "Thông cáo báo chí về Kế hoạch chuyển đổi số của Bộ Nội vụ năm 2021",
        "Bộ Nội vụ ban hành kế hoạch chuyển đổi số năm 2021, tập trung vào dữ liệu ngành, dịch vụ công trực "
        "tuyến mức độ cao và điều hành công việc trên môi trường mạng.",
        published="2021-03-18T14:30",
        byline="Văn phòng Bộ",
        author=None,
        tags=["chuyển đổi số", "chính phủ điện tử"],
        body=[
            _p(
                "Kế hoạch được xây dựng trên cơ sở Chương trình Chuyển đổi số quốc gia đến năm 2025, định "
                "hướng đến năm 2030 ban hành kèm theo Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng "
                "Chính phủ và Nghị định số 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường "
                "điện tử.",
            ),
            _h("Các nhóm nhiệm vụ chính"),
            _t(
                "Nhiệm vụ chuyển đổi số năm 2021",
                ["Nhóm nhiệm vụ", "Kết quả cần đạt"],
                ["Dữ liệu", "Hoàn thiện và kết nối cơ sở dữ liệu cán bộ, công chức, viên chức toàn quốc"],
                [
                    "Dịch vụ công",
                    "Tăng thủ tục trực tuyến mức độ 3, 4; tích hợp lên Cổng Dịch vụ công quốc gia",
                ],
                ["Điều hành", "Xử lý văn bản, hồ sơ công việc trên môi trường mạng, sử dụng chữ ký số"],
                ["Nhân lực", "Bồi dưỡng kỹ năng số cho công chức, viên chức của Bộ"],
            ),
            _p(
                "Bộ giao Trung tâm Thông tin chủ trì theo dõi, đôn đốc và hằng quý báo cáo Lãnh đạo Bộ tiến "
                "độ thực hiện.",
                "Các đơn vị có trách nhiệm rà soát quy trình nghiệp vụ của mình, đề xuất những khâu có thể "
                "chuyển sang xử lý điện tử ngay trong năm.",
                "Kết quả chuyển đổi số là một tiêu chí đánh giá, xếp loại thi đua của đơn vị và người đứng "
                "đầu.",
            ),
        ],
    ),
    _article(
        "tc-hop-bao-thuong-ky-quy-i-2021",
        "thong-cao",
        "Thông cáo báo chí họp báo thường kỳ quý I năm 2021 của Bộ Nội vụ",
        "Bộ Nội vụ thông tin với các cơ quan báo chí về kết quả công tác quý I/2021 và trả lời những vấn đề "
        "dư luận quan tâm như tinh giản biên chế, tuyển dụng công chức, chuẩn bị bầu cử.",
        published="2021-04-09T15:00",
        byline="Văn phòng Bộ",
        author=None,
        tags=["họp báo", "ngành Nội vụ"],
        body=[
            _p(
                "Buổi họp báo do Văn phòng Bộ chủ trì, có sự tham dự của đại diện các vụ, cục chuyên môn và "
                "phóng viên nhiều cơ quan báo chí Trung ương, địa phương.",
                "Họp báo định kỳ được tổ chức theo Nghị định số 09/2017/NĐ-CP về phát ngôn và cung cấp thông "
                "tin cho báo chí.",
            ),
            _h("Những nội dung được thông tin"),
            _l(
                "Tiến độ xây dựng văn bản hướng dẫn Nghị định số 138/2020/NĐ-CP về tuyển dụng, sử dụng và "
                "quản lý công chức.",
                "Kết quả tinh giản biên chế và sắp xếp tổ chức bộ máy tại các bộ, ngành.",
                "Công tác hướng dẫn nghiệp vụ bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân "
                "các cấp.",
                "Việc đưa các thủ tục hành chính thuộc lĩnh vực nội vụ lên Cổng Dịch vụ công quốc gia.",
            ),
            _h("Trả lời câu hỏi của phóng viên"),
            _p(
                "Về lộ trình cải cách tiền lương, đại diện Bộ cho biết việc thực hiện sẽ bám sát Nghị quyết "
                "số 27-NQ/TW và các quyết định của Quốc hội, phù hợp với khả năng cân đối ngân sách trong "
                "bối cảnh dịch bệnh.",
                "Về tuyển dụng, Bộ nhấn mạnh yêu cầu công khai, minh bạch, cạnh tranh và tuyển đúng người "
                "theo vị trí việc làm.",
            ),
        ],
    ),
    _article(
        "tc-cong-bo-par-index-sipas-2020",
        "thong-cao",
        "Thông cáo báo chí Hội nghị công bố Chỉ số cải cách hành chính năm 2020 và Chỉ số hài lòng về sự "
        "phục vụ hành chính năm 2020",
        "Bộ Nội vụ công bố Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng của người dân, tổ chức "
        "đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2020 của các bộ, cơ quan ngang bộ và "
        "các tỉnh, thành phố trực thuộc Trung ương.",
        published="2021-05-19T17:00",
        byline="Văn phòng Bộ",
        author=None,
        tags=["chỉ số cải cách hành chính", "cải cách hành chính"],
        body=[
            _p(
                "Hội nghị được tổ chức trực tuyến, kết nối tới các bộ, cơ quan ngang bộ và Ủy ban nhân dân "
                "các tỉnh, thành phố trực thuộc Trung ương.",
                "Năm 2020 là năm cuối của Chương trình tổng thể cải cách hành chính nhà nước giai đoạn "
                "2011–2020, vì vậy kết quả đánh giá năm nay có ý nghĩa như bức tranh tổng kết cả chặng đường "
                "mười năm.",
            ),
            _h("Phương pháp đánh giá"),
            _p(
                "Chỉ số cải cách hành chính được xác định bằng cách kết hợp kết quả tự đánh giá của các bộ, "
                "tỉnh với thẩm định của Hội đồng thẩm định và điều tra xã hội học đối với cán bộ lãnh đạo, "
                "quản lý, người dân và doanh nghiệp.",
                "Chỉ số SIPAS được đo qua phiếu khảo sát trực tiếp người dân, tổ chức đã thực hiện thủ tục "
                "hành chính.",
            ),
            _l(
                "Kết quả của từng bộ, tỉnh được công khai để người dân theo dõi.",
                "Bộ, tỉnh có điểm thấp ở lĩnh vực nào cần phân tích nguyên nhân và đề ra giải pháp khắc phục "
                "cụ thể.",
                "Kết quả chỉ số là một căn cứ đánh giá người đứng đầu trong thực hiện nhiệm vụ cải cách hành "
                "chính.",
            ),
            _p(
                "Bộ Nội vụ sẽ tiếp tục hoàn thiện bộ tiêu chí đánh giá cho giai đoạn 2021–2030, bảo đảm phản "
                "ánh đúng yêu cầu xây dựng nền hành chính phục vụ, lấy người dân, doanh nghiệp làm trung "
                "tâm.",
            ),
        ],
    ),
    _article(
        "tc-ung-ho-quy-vac-xin-phong-covid-19",
        "thong-cao",
        "Cán bộ, công chức, viên chức, người lao động Bộ Nội vụ ủng hộ Quỹ vắc xin phòng COVID-19",
        "Hưởng ứng lời kêu gọi của Chính phủ, Bộ Nội vụ phát động cán bộ, công chức, viên chức và người lao "
        "động toàn Bộ tự nguyện đóng góp vào Quỹ vắc xin phòng COVID-19.",
        published="2021-06-08T11:00",
        byline="Văn phòng Bộ",
        author=None,
        tags=["phòng, chống dịch", "vắc xin"],
        body=[
            _p(
                "Quỹ vắc xin phòng COVID-19 được thành lập theo Quyết định số 779/QĐ-TTg ngày 26/5/2021 của "
                "Thủ tướng Chính phủ nhằm huy động nguồn lực xã hội để mua và tiêm vắc xin cho người dân.",
                "Hưởng ứng chủ trương này, Ban Cán sự đảng, Đảng ủy và Lãnh đạo Bộ Nội vụ phát động đợt ủng "
                "hộ trong toàn Bộ.",
            ),
            _h("Tinh thần tự nguyện, chung tay"),
            _p(
                "Các đơn vị vận động cán bộ, công chức, viên chức, người lao động ủng hộ theo khả năng, "
                "khuyến khích mỗi người đóng góp ít nhất một ngày lương.",
                "Số tiền ủng hộ được chuyển vào tài khoản của Quỹ theo đúng quy định và công khai tại cơ "
                "quan.",
            ),
            _l(
                "Thời gian tiếp nhận: trong tháng 6/2021.",
                "Đầu mối tổng hợp: công đoàn các đơn vị và Văn phòng Bộ.",
                "Hình thức: chuyển khoản hoặc đóng góp trực tiếp qua đơn vị.",
            ),
            _p(
                "Bộ Nội vụ cũng đề nghị sở nội vụ các tỉnh, thành phố tham mưu cho Ủy ban nhân dân cùng cấp "
                "vận động cán bộ, công chức, viên chức trên địa bàn tích cực tham gia, góp phần sớm đạt mục "
                "tiêu miễn dịch cộng đồng.",
            ),
        ],
    ),
    _article(
        "tc-thong-tu-02-2021-tt-bnv",
        "thong-cao",
        "Thông cáo báo chí về Thông tư số 02/2021/TT-BNV quy định mã số, tiêu chuẩn và xếp lương các ngạch "
        "công chức chuyên ngành hành chính, văn thư",
        "Ngày 11/6/2021, Bộ trưởng Bộ Nội vụ ban hành Thông tư số 02/2021/TT-BNV quy định mã số, tiêu chuẩn "
        "chuyên môn, nghiệp vụ và xếp lương đối với các ngạch công chức chuyên ngành hành chính và công chức "
        "chuyên ngành văn thư.",
        published="2021-06-16T16:00",
        byline="Văn phòng Bộ",
        author=None,
        tags=["công chức", "văn bản mới"],
        body=[
            _p(
                "Thông tư cụ thể hóa Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật "
                "Viên chức năm 2019 cùng Nghị định số 138/2020/NĐ-CP, tạo căn cứ để các cơ quan tuyển dụng, "
                "bố trí và xếp lương công chức phù hợp với vị trí việc làm.",
            ),
            _t(
                "Mã số các ngạch công chức theo Thông tư số 02/2021/TT-BNV",
                ["Ngạch công chức", "Mã số", "Chuyên ngành"],
                ["Chuyên viên cao cấp", "01.001", "Hành chính"],
                ["Chuyên viên chính", "01.002", "Hành chính"],
                ["Chuyên viên", "01.003", "Hành chính"],
                ["Cán sự", "01.004", "Hành chính"],
                ["Nhân viên", "01.005", "Hành chính"],
                ["Văn thư viên chính", "02.006", "Văn thư"],
                ["Văn thư viên", "02.007", "Văn thư"],
                ["Văn thư viên trung cấp", "02.008", "Văn thư"],
            ),
            _h("Điểm đáng chú ý"),
            _l(
                "Quy định thống nhất tiêu chuẩn về năng lực chuyên môn, nghiệp vụ và trình độ đào tạo, bồi "
                "dưỡng của từng ngạch.",
                "Làm rõ nhiệm vụ của từng ngạch, gắn với yêu cầu của vị trí việc làm.",
                "Hướng dẫn việc chuyển xếp lương đối với công chức đã được bổ nhiệm vào ngạch trước ngày "
                "Thông tư có hiệu lực.",
            ),
            _p(
                "Thông tư có hiệu lực thi hành từ ngày 01/8/2021.",
                "Toàn văn được đăng tại mục Văn bản quy phạm pháp luật trên <a "
                'href="https://moha.gov.vn">Cổng Thông tin điện tử Bộ Nội vụ</a>.',
            ),
        ],
    ),
    # ------------------------------------------------------------------ Chính quyền địa phương
    _article(
        "dan-chu-o-co-so-xa-phuong-thi-tran",
        "dia-phuong",
        "Phát huy dân chủ ở cơ sở trong xây dựng chính quyền xã, phường, thị trấn",
        "Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn năm 2007 đã tạo khung pháp lý để người dân được "
        "biết, được bàn, được làm và được kiểm tra; phát huy dân chủ ở cơ sở hôm nay đang đặt ra những yêu "
        "cầu mới.",
        published="2021-01-26T08:45",
        byline="ThS. Lê Thu Trang – Trường Đại học Nội vụ Hà Nội",
        author=None,
        tags=["dân chủ cơ sở", "chính quyền cơ sở"],
        body=[
            _p(
                "Pháp lệnh số 34/2007/PL-UBTVQH11 về thực hiện dân chủ ở xã, phường, thị trấn phân định rõ "
                "những nội dung chính quyền phải công khai để Nhân dân biết, những việc Nhân dân bàn và "
                "quyết định trực tiếp, những việc Nhân dân góp ý trước khi cơ quan có thẩm quyền quyết định "
                "và những việc Nhân dân giám sát.",
            ),
            _q(
                "Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong.",
                "Chủ tịch Hồ Chí Minh",
            ),
            _h("Từ phương châm đến việc làm cụ thể"),
            _p(
                "Phương châm “dân biết, dân bàn, dân làm, dân kiểm tra” đang được bổ sung thêm “dân giám "
                "sát, dân thụ hưởng” trong các văn kiện trình Đại hội XIII của Đảng.",
                "Ở nhiều địa phương, phương châm ấy được cụ thể hóa bằng việc công khai dự toán ngân sách "
                "xã, tổ chức đối thoại định kỳ giữa Chủ tịch Ủy ban nhân dân với người dân và phát huy vai "
                "trò của Ban Thanh tra nhân dân.",
            ),
            _l(
                "Công khai đầy đủ, dễ tiếp cận thông tin về quy hoạch, đất đai, thu chi ngân sách ở cơ sở.",
                "Tăng cường đối thoại, tiếp nhận phản ánh của người dân qua cả kênh trực tiếp và trực tuyến.",
                "Nâng cao năng lực giám sát của Mặt trận Tổ quốc và Ban Thanh tra nhân dân.",
            ),
        ],
    ),
    _article(
        "chinh-quyen-do-thi-khung-phap-ly-ba-thanh-pho",
        "dia-phuong",
        "Chính quyền đô thị: khung pháp lý cho ba thành phố lớn",
        "Hà Nội, Đà Nẵng và Thành phố Hồ Chí Minh được Quốc hội cho phép tổ chức chính quyền đô thị theo "
        "những nghị quyết riêng, cùng có hiệu lực từ ngày 01/7/2021.",
        published="2021-02-22T09:30",
        byline="Minh Anh",
        author="reporter",
        tags=["chính quyền đô thị", "thể chế"],
        body=[
            _p(
                "Sau nhiều năm nghiên cứu, thí điểm, mô hình chính quyền đô thị đã có cơ sở pháp lý ở ba "
                "thành phố lớn.",
                "Điểm chung của các nghị quyết là giảm tầng nấc trung gian ở khu vực đô thị, nơi dân cư tập "
                "trung, hạ tầng liên thông và đòi hỏi quản lý thống nhất; duy trì đủ Hội đồng nhân dân ở cả "
                "ba cấp tại đây dễ dẫn đến chồng chéo, chậm trễ trong ra quyết định.",
            ),
            _t(
                "Cơ sở pháp lý về chính quyền đô thị tại ba thành phố",
                ["Thành phố", "Văn bản của Quốc hội", "Cấp không tổ chức Hội đồng nhân dân"],
                ["Hà Nội", "Nghị quyết số 97/2019/QH14 ngày 27/11/2019", "Phường"],
                ["Đà Nẵng", "Nghị quyết số 119/2020/QH14 ngày 19/6/2020", "Quận, phường"],
                ["Thành phố Hồ Chí Minh", "Nghị quyết số 131/2020/QH14 ngày 16/11/2020", "Quận, phường"],
            ),
            _h("Những vấn đề cần tiếp tục làm rõ"),
            _l(
                "Cơ chế để Nhân dân giám sát Ủy ban nhân dân quận, phường khi không còn Hội đồng nhân dân "
                "cùng cấp.",
                "Phân cấp, ủy quyền về ngân sách, đầu tư công giữa thành phố với quận, phường.",
                "Tiêu chuẩn, cách thức bố trí công chức lãnh đạo ở quận, phường.",
            ),
            _p(
                "Kết quả thực hiện tại ba thành phố sẽ cung cấp thực tiễn quý cho việc sửa đổi Luật Tổ chức "
                "chính quyền địa phương trong thời gian tới.",
            ),
        ],
    ),
    _article(
        "bo-tri-can-bo-cong-chuc-cap-xa-theo-nghi-dinh-34",
        "dia-phuong",
        "Bố trí số lượng cán bộ, công chức cấp xã theo Nghị định số 34/2019/NĐ-CP",
        "Nghị định số 34/2019/NĐ-CP quy định lại số lượng cán bộ, công chức và người hoạt động không chuyên "
        "trách ở cấp xã theo loại đơn vị hành chính, góp phần tinh gọn bộ máy chính quyền cơ sở.",
        published="2021-03-11T09:00",
        byline="Thanh Tùng",
        author=None,
        tags=["cán bộ, công chức cấp xã", "chính quyền cơ sở"],
        body=[
            _p(
                "Cán bộ, công chức cấp xã là lực lượng gần dân nhất, hằng ngày trực tiếp giải quyết phần lớn "
                "công việc của người dân.",
                "Nghị định số 34/2019/NĐ-CP ngày 24/4/2019 của Chính phủ đã điều chỉnh số lượng cán bộ, công "
                "chức và người hoạt động không chuyên trách ở cấp xã theo hướng giảm so với trước.",
            ),
            _t(
                "Số lượng tối đa theo phân loại đơn vị hành chính cấp xã",
                ["Loại đơn vị hành chính cấp xã", "Cán bộ, công chức", "Người hoạt động không chuyên trách"],
                ["Loại I", "23", "14"],
                ["Loại II", "21", "12"],
                ["Loại III", "19", "10"],
            ),
            _h("Một số lưu ý khi triển khai"),
            _l(
                "Căn cứ số lượng tối đa, địa phương bố trí cụ thể cho từng xã, không vượt khung quy định.",
                "Khuyến khích kiêm nhiệm chức danh để giảm số người làm việc ở cấp xã.",
                "Xã hình thành sau sắp xếp có thể bố trí số lượng dôi dư trong một thời hạn nhất định để "
                "giải quyết dần.",
            ),
            _p(
                "Giảm số lượng đồng nghĩa với yêu cầu cao hơn về chất lượng.",
                "Nhiều địa phương đã chú trọng bồi dưỡng kỹ năng số, kỹ năng giao tiếp với người dân cho "
                "công chức cấp xã, từng bước nâng cao hiệu quả phục vụ.",
            ),
        ],
    ),
    _article(
        "sap-xep-don-vi-hanh-chinh-viec-can-lam-sau-sap-nhap",
        "dia-phuong",
        "Sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2019–2021: những việc cần làm sau sáp nhập",
        "Hoàn thành việc sắp xếp đơn vị hành chính theo Nghị quyết số 37-NQ/TW, nhiều địa phương đang tập "
        "trung giải quyết các vấn đề sau sáp nhập như bố trí cán bộ dôi dư, sử dụng trụ sở và chuyển đổi "
        "giấy tờ cho người dân.",
        published="2021-04-20T10:15",
        byline="PV",
        author="reporter",
        tags=["đơn vị hành chính", "tổ chức bộ máy"],
        body=[
            _p(
                "Thực hiện Nghị quyết số 37-NQ/TW ngày 24/12/2018 của Bộ Chính trị, các địa phương đã sắp "
                "xếp những đơn vị hành chính cấp huyện, cấp xã có diện tích tự nhiên và quy mô dân số chưa "
                "đạt 50% tiêu chuẩn quy định.",
                "Việc sắp xếp giúp giảm đầu mối, tinh gọn bộ máy, tiết kiệm chi thường xuyên và mở rộng "
                "không gian phát triển cho các địa bàn mới.",
            ),
            _t(
                "Các văn bản chủ yếu về sắp xếp đơn vị hành chính giai đoạn 2019–2021",
                ["Văn bản", "Cơ quan ban hành", "Nội dung chính"],
                [
                    "Nghị quyết số 37-NQ/TW ngày 24/12/2018",
                    "Bộ Chính trị",
                    "Chủ trương sắp xếp đơn vị hành chính cấp huyện, cấp xã",
                ],
                [
                    "Nghị quyết số 653/2019/UBTVQH14 ngày 12/3/2019",
                    "Ủy ban Thường vụ Quốc hội",
                    "Sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2019–2021",
                ],
                ["Nghị quyết số 32/NQ-CP ngày 14/5/2019", "Chính phủ", "Kế hoạch thực hiện việc sắp xếp"],
            ),
            _h("Giải quyết các vấn đề sau sắp xếp"),
            _l(
                "Bố trí cán bộ, công chức dôi dư theo lộ trình, kèm chính sách hỗ trợ phù hợp.",
                "Rà soát, sử dụng hiệu quả trụ sở, tài sản công dôi dư.",
                "Hỗ trợ người dân chuyển đổi giấy tờ liên quan đến địa giới hành chính mới mà không thu phí.",
                "Cập nhật bản đồ, hồ sơ địa giới hành chính và các cơ sở dữ liệu chuyên ngành.",
            ),
            _p(
                "Bộ Nội vụ lưu ý các địa phương không để việc chuyển đổi giấy tờ gây phiền hà cho người dân, "
                "doanh nghiệp, đồng thời sớm tổng kết, rút kinh nghiệm cho giai đoạn sắp xếp tiếp theo.",
            ),
        ],
    ),
    _article(
        "mot-cua-cap-xa-buoc-vao-giai-doan-so-hoa",
        "dia-phuong",
        "Bộ phận một cửa cấp xã bước vào giai đoạn số hóa",
        "Nhiều Ủy ban nhân dân cấp xã đã đầu tư thiết bị, số hóa hồ sơ và hướng dẫn người dân nộp hồ sơ trực "
        "tuyến, từng bước đưa dịch vụ công trực tuyến đến gần người dân hơn.",
        published="2021-05-27T09:20",
        place="Thái Nguyên",
        byline="Thu Hà",
        author=None,
        tags=["một cửa", "chuyển đổi số"],
        body=[
            _p(
                "Nghị định số 61/2018/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết "
                "thủ tục hành chính xác định Bộ phận Một cửa cấp xã là nơi tiếp nhận hồ sơ, trả kết quả gần "
                "dân nhất.",
                "Từ khi Nghị định số 45/2020/NĐ-CP có hiệu lực, yêu cầu số hóa hồ sơ, kết quả giải quyết thủ "
                "tục hành chính càng trở nên cấp thiết.",
            ),
            _h("Những thay đổi ở cơ sở"),
            _p(
                "Tại nhiều xã, phường, bộ phận một cửa đã có máy tính nối mạng, máy quét tài liệu và góc "
                "hướng dẫn người dân thao tác trên Cổng Dịch vụ công.",
                "Công chức được tập huấn số hóa hồ sơ, sử dụng chữ ký số và trả kết quả điện tử; người dân "
                "theo dõi tình trạng hồ sơ qua tin nhắn hoặc ứng dụng trên điện thoại.",
            ),
            _h("Khó khăn cần tháo gỡ"),
            _l(
                "Hạ tầng mạng và thiết bị ở các xã vùng sâu, vùng xa còn hạn chế.",
                "Một bộ phận người dân, nhất là người cao tuổi, chưa quen giao dịch trực tuyến.",
                "Cơ sở dữ liệu chuyên ngành chưa kết nối đầy đủ nên người dân vẫn phải nộp lại giấy tờ.",
            ),
            _p(
                "Các địa phương cần ưu tiên nguồn lực cho cấp xã, phát huy đoàn viên thanh niên hỗ trợ người "
                "dân dùng dịch vụ công trực tuyến và đẩy nhanh kết nối dữ liệu giữa các ngành.",
            ),
        ],
    ),
    _article(
        "ha-noi-khong-to-chuc-hdnd-phuong-tu-1-7-2021",
        "dia-phuong",
        "Hà Nội sẵn sàng không tổ chức Hội đồng nhân dân phường từ ngày 01/7/2021",
        "Theo Nghị quyết số 97/2019/QH14 của Quốc hội, từ ngày 01/7/2021 Thủ đô chính thức thí điểm mô hình "
        "chính quyền đô thị, không tổ chức Hội đồng nhân dân ở các phường.",
        published="2021-06-10T08:00",
        byline="PV",
        author="reporter",
        tags=["chính quyền đô thị", "chính quyền địa phương"],
        featured=True,
        body=[
            _p(
                "Nghị quyết số 97/2019/QH14 ngày 27/11/2019 của Quốc hội về thí điểm tổ chức mô hình chính "
                "quyền đô thị tại thành phố Hà Nội có hiệu lực từ ngày 01/7/2021.",
                "Từ thời điểm này, Ủy ban nhân dân phường là cơ quan hành chính nhà nước ở phường, hoạt động "
                "theo chế độ thủ trưởng, thay cho mô hình có cả Hội đồng nhân dân và Ủy ban nhân dân như "
                "trước.",
            ),
            _h("Những thay đổi chính"),
            _l(
                "Không tổ chức Hội đồng nhân dân phường; một số nhiệm vụ liên quan chuyển cho chính quyền "
                "cấp trên.",
                "Chủ tịch, Phó Chủ tịch Ủy ban nhân dân phường là công chức, do cấp trên trực tiếp bổ nhiệm.",
                "Ủy ban nhân dân phường điều hành theo chế độ thủ trưởng, chủ động hơn trong giải quyết công "
                "việc.",
                "Cơ chế giám sát của Nhân dân, Mặt trận Tổ quốc và Hội đồng nhân dân cấp trên đối với chính "
                "quyền phường được tăng cường.",
            ),
            _h("Công tác chuẩn bị"),
            _p(
                "Vì không bầu Hội đồng nhân dân phường trong cuộc bầu cử ngày 23/5/2021, thành phố đã rà "
                "soát, kiện toàn đội ngũ công chức phường, xây dựng quy chế làm việc mới và tập huấn cho cán "
                "bộ chủ chốt.",
                "Kết quả thí điểm sẽ là căn cứ quan trọng để Quốc hội xem xét hoàn thiện pháp luật về chính "
                "quyền đô thị.",
            ),
        ],
    ),
    _article(
        "hdnd-cac-cap-to-chuc-ky-hop-thu-nhat",
        "dia-phuong",
        "Hội đồng nhân dân các cấp khẩn trương tổ chức kỳ họp thứ nhất nhiệm kỳ 2021–2026",
        "Sau ngày bầu cử 23/5/2021, Hội đồng nhân dân các cấp lần lượt tổ chức kỳ họp thứ nhất để bầu các "
        "chức danh lãnh đạo, kiện toàn bộ máy chính quyền địa phương nhiệm kỳ mới.",
        published="2021-06-16T10:00",
        byline="Minh Anh",
        author="reporter",
        tags=["hội đồng nhân dân", "chính quyền địa phương"],
        body=[
            _p(
                "Theo Luật Tổ chức chính quyền địa phương, kỳ họp thứ nhất của Hội đồng nhân dân khóa mới "
                "được triệu tập chậm nhất là 45 ngày kể từ ngày bầu cử.",
                "Tại kỳ họp này, Hội đồng nhân dân bầu ra các chức danh của mình và của Ủy ban nhân dân cùng "
                "cấp, để bộ máy chính quyền nhiệm kỳ mới sớm đi vào hoạt động.",
            ),
            _h("Trình tự chủ yếu tại kỳ họp thứ nhất"),
            _l(
                "Xác nhận tư cách đại biểu Hội đồng nhân dân trên cơ sở báo cáo của Ủy ban bầu cử.",
                "Bầu các chức danh của Hội đồng nhân dân và Ủy ban nhân dân theo quy định.",
                "Thành lập các Ban của Hội đồng nhân dân.",
                "Xem xét, quyết định các vấn đề cấp bách khác thuộc thẩm quyền.",
            ),
            _h("Vai trò tham mưu của ngành Nội vụ"),
            _p(
                "Sở nội vụ các tỉnh, thành phố tham mưu cho cấp ủy, chính quyền về quy trình nhân sự, hồ sơ "
                "trình phê chuẩn kết quả bầu thành viên Ủy ban nhân dân.",
                "Các địa phương được đề nghị hoàn thành sớm kỳ họp thứ nhất, nhất là trong bối cảnh phòng, "
                "chống dịch đòi hỏi bộ máy phải vận hành liên tục, thông suốt.",
            ),
        ],
    ),
    # ------------------------------------------------------------------ Cải cách hành chính
    _article(
        "lo-trinh-tuoi-nghi-huu-nghi-dinh-135",
        "cai-cach",
        "Lộ trình điều chỉnh tuổi nghỉ hưu từ năm 2021 theo Nghị định số 135/2020/NĐ-CP",
        "Từ ngày 01/01/2021, tuổi nghỉ hưu của người lao động làm việc trong điều kiện bình thường được nâng "
        "dần mỗi năm; lộ trình này áp dụng cả với cán bộ, công chức, viên chức.",
        published="2021-01-19T09:30",
        byline="Minh Anh",
        author="reporter",
        tags=["tuổi nghỉ hưu", "chế độ, chính sách"],
        body=[
            _p(
                "Bộ luật Lao động năm 2019 có hiệu lực từ ngày 01/01/2021 quy định lộ trình nâng tuổi nghỉ "
                "hưu, được Chính phủ hướng dẫn tại Nghị định số 135/2020/NĐ-CP ngày 18/11/2020.",
                "Theo đó, tuổi nghỉ hưu của lao động nam tăng thêm 3 tháng mỗi năm cho đến khi đủ 62 tuổi "
                "vào năm 2028; của lao động nữ tăng thêm 4 tháng mỗi năm cho đến khi đủ 60 tuổi vào năm "
                "2035.",
            ),
            _t(
                "Tuổi nghỉ hưu trong điều kiện lao động bình thường (một số mốc)",
                ["Năm nghỉ hưu", "Lao động nam", "Lao động nữ"],
                ["2021", "60 tuổi 3 tháng", "55 tuổi 4 tháng"],
                ["2022", "60 tuổi 6 tháng", "55 tuổi 8 tháng"],
                ["2023", "60 tuổi 9 tháng", "56 tuổi"],
                ["2024", "61 tuổi", "56 tuổi 4 tháng"],
                ["2028", "62 tuổi", "57 tuổi 8 tháng"],
                ["2035", "62 tuổi", "60 tuổi"],
            ),
            _h("Áp dụng đối với cán bộ, công chức, viên chức"),
            _p(
                "Lộ trình trên áp dụng chung cho cán bộ, công chức, viên chức.",
                "Cơ quan quản lý cần rà soát danh sách người đến tuổi nghỉ hưu từng năm để thông báo trước "
                "và chuẩn bị người kế nhiệm, đồng thời lưu ý những trường hợp được nghỉ hưu ở tuổi thấp hơn "
                "hoặc cao hơn theo quy định của pháp luật.",
            ),
        ],
    ),
    _article(
        "tinh-gian-bien-che-theo-nghi-dinh-143",
        "cai-cach",
        "Tinh giản biên chế gắn với cơ cấu lại đội ngũ theo Nghị định số 143/2020/NĐ-CP",
        "Những sửa đổi tại Nghị định số 143/2020/NĐ-CP giúp chính sách tinh giản biên chế rõ ràng, khả thi "
        "hơn, đồng thời nhấn mạnh yêu cầu gắn tinh giản với nâng cao chất lượng đội ngũ.",
        published="2021-01-28T10:00",
        byline="Quang Huy",
        author=None,
        tags=["tinh giản biên chế", "tổ chức bộ máy"],
        body=[
            _p(
                "Chính sách tinh giản biên chế được thực hiện theo Nghị định số 108/2014/NĐ-CP, đã được sửa "
                "đổi, bổ sung bởi Nghị định số 113/2018/NĐ-CP và gần đây nhất là Nghị định số "
                "143/2020/NĐ-CP.",
                "Mục tiêu xuyên suốt là đưa ra khỏi biên chế những người không đáp ứng yêu cầu công việc, "
                "đồng thời tạo điều kiện để cơ quan tuyển chọn, bố trí người có năng lực.",
            ),
            _h("Nguyên tắc thực hiện"),
            _l(
                "Bảo đảm sự lãnh đạo của Đảng, phát huy vai trò giám sát của các tổ chức chính trị - xã hội "
                "và Nhân dân.",
                "Gắn với sắp xếp tổ chức bộ máy và cơ cấu lại đội ngũ theo vị trí việc làm.",
                "Bảo đảm dân chủ, khách quan, công khai, minh bạch và đúng pháp luật.",
                "Người đứng đầu chịu trách nhiệm về kết quả tinh giản biên chế trong cơ quan, đơn vị mình.",
            ),
            _h("Tránh tinh giản hình thức"),
            _p(
                "Nếu chỉ chạy theo chỉ tiêu cắt giảm số lượng, cơ quan có thể đưa ra khỏi biên chế cả những "
                "người đang cần cho công việc, trong khi những vị trí thừa vẫn còn nguyên.",
                "Vì vậy, việc đánh giá, xếp loại chất lượng hằng năm theo Nghị định số 90/2020/NĐ-CP cần "
                "được làm thực chất, làm căn cứ tin cậy để xác định đối tượng tinh giản.",
            ),
        ],
    ),
    _article(
        "cai-cach-tien-luong-buoc-chuan-bi-2021",
        "cai-cach",
        "Cải cách chính sách tiền lương: những bước chuẩn bị trong năm 2021",
        "Thời điểm áp dụng chế độ tiền lương mới phải lùi lại do tác động của dịch COVID-19, nhưng các bước "
        "chuẩn bị cho cải cách tiền lương theo Nghị quyết số 27-NQ/TW vẫn đang được tiếp tục.",
        published="2021-02-03T08:30",
        byline="TS. Hoàng Đức Long – Viện Khoa học tổ chức nhà nước",
        author=None,
        tags=["tiền lương", "chế độ, chính sách"],
        body=[
            _p(
                "Nghị quyết số 27-NQ/TW ngày 21/5/2018 của Hội nghị Trung ương 7 khóa XII xác định từ năm "
                "2021 áp dụng chế độ tiền lương mới đối với cán bộ, công chức, viên chức và lực lượng vũ "
                "trang.",
                "Tuy nhiên, do dịch COVID-19 tác động nặng nề đến thu ngân sách, Quốc hội đã quyết định chưa "
                "điều chỉnh mức lương cơ sở trong năm 2021; mức lương cơ sở hiện hành vẫn là 1.490.000 "
                "đồng/tháng theo Nghị định số 38/2019/NĐ-CP.",
            ),
            _h("Những nội dung cốt lõi của cải cách"),
            _l(
                "Xây dựng bảng lương mới theo vị trí việc làm, chức danh và chức vụ lãnh đạo.",
                "Bãi bỏ mức lương cơ sở và hệ số lương hiện hành, xác định mức lương cơ bản bằng số tiền cụ "
                "thể.",
                "Sắp xếp lại các chế độ phụ cấp và bổ sung tiền thưởng gắn với kết quả công việc.",
            ),
            _t(
                "Cơ cấu tiền lương mới theo Nghị quyết số 27-NQ/TW",
                ["Thành phần", "Tỷ trọng dự kiến"],
                ["Lương cơ bản", "Khoảng 70% tổng quỹ lương"],
                ["Các khoản phụ cấp", "Khoảng 30% tổng quỹ lương"],
                ["Tiền thưởng (bổ sung)", "Khoảng 10% tổng quỹ tiền lương của năm, không gồm phụ cấp"],
            ),
            _p(
                "Trong thời gian chờ áp dụng chế độ mới, các bộ, ngành, địa phương cần hoàn thiện đề án vị "
                "trí việc làm, tinh giản biên chế và tích lũy nguồn cải cách tiền lương theo quy định – "
                "những điều kiện để cải cách có thể triển khai ngay khi được cấp có thẩm quyền cho phép.",
            ),
        ],
    ),
    _article(
        "nhin-lai-muoi-nam-chuong-trinh-tong-the-cchc",
        "cai-cach",
        "Nhìn lại mười năm thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011–2020",
        "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011–2020 theo Nghị quyết số 30c/NQ-CP "
        "đã khép lại với nhiều chuyển biến tích cực và để lại những bài học cho giai đoạn mới.",
        published="2021-03-02T09:00",
        byline="PV",
        author="reporter",
        tags=["cải cách hành chính", "tổng kết"],
        body=[
            _p(
                "Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ ban hành Chương trình tổng thể cải "
                "cách hành chính nhà nước giai đoạn 2011–2020 với sáu nội dung lớn.",
                "Sau mười năm, nền hành chính đã đổi mới theo hướng phục vụ, công khai và minh bạch hơn; "
                "nhiều thủ tục được cắt giảm, đơn giản hóa và chuyển sang môi trường điện tử.",
            ),
            _h("Sáu nội dung cải cách"),
            _l(
                "Cải cách thể chế.",
                "Cải cách thủ tục hành chính.",
                "Cải cách tổ chức bộ máy hành chính nhà nước.",
                "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức.",
                "Cải cách tài chính công.",
                "Hiện đại hóa hành chính.",
            ),
            _h("Bài học cho giai đoạn 2021–2030"),
            _p(
                "Kinh nghiệm mười năm cho thấy cải cách hành chính chỉ thực sự hiệu quả khi người đứng đầu "
                "vào cuộc quyết liệt, có công cụ đo lường kết quả rõ ràng và lấy sự hài lòng của người dân, "
                "doanh nghiệp làm thước đo.",
                "Chương trình giai đoạn mới cần tập trung hơn nữa vào cải cách chế độ công vụ, chuyển đổi số "
                "và xây dựng chính phủ số.",
            ),
        ],
    ),
    _article(
        "van-ban-dien-tu-va-chu-ky-so",
        "cai-cach",
        "Văn bản điện tử và chữ ký số: nền tảng của văn phòng không giấy",
        "Hơn một năm thực hiện Nghị định số 30/2020/NĐ-CP về công tác văn thư, văn bản điện tử ký số và gửi, "
        "nhận qua mạng đã trở thành phương thức chủ yếu ở nhiều cơ quan nhà nước, giúp tiết kiệm thời gian "
        "và chi phí.",
        published="2021-04-06T14:00",
        byline="Minh Anh",
        author="reporter",
        tags=["văn thư", "chuyển đổi số"],
        body=[
            _p(
                "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ quy định đầy đủ về văn bản điện tử, "
                "từ thể thức, kỹ thuật trình bày đến việc ký số và quản lý văn bản đi, đến trên môi trường "
                "mạng.",
                "Văn bản điện tử mang chữ ký số của người có thẩm quyền và của cơ quan, tổ chức có giá trị "
                "pháp lý như bản gốc văn bản giấy.",
            ),
            _h("Lợi ích dễ nhận thấy"),
            _l(
                "Thời gian luân chuyển văn bản giữa các cơ quan rút từ vài ngày xuống vài phút.",
                "Giảm chi phí in ấn và gửi văn bản qua bưu chính.",
                "Thuận tiện tra cứu, lập hồ sơ điện tử và nộp lưu vào lưu trữ cơ quan.",
            ),
            _h("Những điểm cần lưu ý"),
            _p(
                "Để văn bản điện tử phát huy hiệu quả, cơ quan cần bảo đảm hệ thống quản lý văn bản và điều "
                "hành đáp ứng chức năng theo quy định, cấp đủ chứng thư số cho người có thẩm quyền ký và sao "
                "lưu dữ liệu thường xuyên.",
                "Công chức làm văn thư cũng phải được bồi dưỡng kỹ năng số để thực hiện đúng quy trình ký "
                "số, phát hành và lưu trữ văn bản.",
            ),
        ],
    ),
    _article(
        "vi-tri-viec-lam-chia-khoa-quan-ly-bien-che",
        "cai-cach",
        "Vị trí việc làm – chìa khóa của quản lý biên chế và cải cách chế độ công vụ",
        "Nghị định số 62/2020/NĐ-CP và Nghị định số 106/2020/NĐ-CP về vị trí việc làm tạo nền tảng để quản "
        "lý công chức, viên chức lấy công việc làm trung tâm, thay cho cách quản lý thuần túy theo ngạch, "
        "bậc.",
        published="2021-05-11T10:00",
        byline="BBT",
        author="editor",
        tags=["vị trí việc làm", "biên chế"],
        body=[
            _p(
                "Theo Nghị định số 62/2020/NĐ-CP ngày 01/6/2020 về vị trí việc làm và biên chế công chức, vị "
                "trí việc làm trong cơ quan, tổ chức hành chính được chia thành ba nhóm: lãnh đạo, quản lý; "
                "chuyên môn, nghiệp vụ; hỗ trợ, phục vụ.",
                "Đối với đơn vị sự nghiệp công lập, vị trí việc làm và số lượng người làm việc được quy định "
                "tại Nghị định số 106/2020/NĐ-CP.",
            ),
            _h("Vì sao vị trí việc làm quan trọng?"),
            _p(
                "Khi mỗi vị trí có bản mô tả công việc và khung năng lực rõ ràng, cơ quan có căn cứ để tuyển "
                "đúng người, đánh giá đúng kết quả và trả lương tương xứng.",
                "Đây cũng là tiền đề của cải cách tiền lương theo Nghị quyết số 27-NQ/TW, trong đó tiền "
                "lương được xác định theo vị trí việc làm, chức danh và chức vụ lãnh đạo.",
            ),
            _h("Khó khăn trong triển khai"),
            _l(
                "Nhiều cơ quan còn lúng túng khi xây dựng bản mô tả công việc và khung năng lực.",
                "Hướng dẫn vị trí việc làm của một số ngành, lĩnh vực vẫn đang được hoàn thiện.",
                "Tâm lý ngại thay đổi, muốn giữ nguyên số biên chế hiện có.",
            ),
        ],
    ),
    _article(
        "dich-vu-cong-truc-tuyen-linh-vuc-noi-vu",
        "cai-cach",
        "Đẩy mạnh cung cấp dịch vụ công trực tuyến thuộc lĩnh vực nội vụ",
        "Nhiều thủ tục hành chính thuộc lĩnh vực nội vụ như thi đua, khen thưởng, tôn giáo, lưu trữ đang "
        "được chuẩn hóa để cung cấp trực tuyến và tích hợp lên Cổng Dịch vụ công quốc gia.",
        published="2021-06-03T15:00",
        byline="PV",
        author="reporter",
        tags=["dịch vụ công trực tuyến", "cải cách hành chính"],
        body=[
            _p(
                'Cổng Dịch vụ công quốc gia (<a href="https://dichvucong.gov.vn">dichvucong.gov.vn</a>) '
                "chính thức vận hành từ ngày 09/12/2019 và đã trở thành đầu mối kết nối dịch vụ công của các "
                "bộ, ngành, địa phương.",
                "Trong lĩnh vực nội vụ, nhiều thủ tục có số lượng hồ sơ lớn như đề nghị khen thưởng, đăng ký "
                "hoạt động tôn giáo hay cấp chứng chỉ hành nghề lưu trữ đang được rà soát để cung cấp trực "
                "tuyến.",
            ),
            _h("Nguyên tắc chuẩn hóa"),
            _l(
                "Đơn giản hóa thành phần hồ sơ, không yêu cầu nộp giấy tờ mà cơ quan nhà nước đã có trong cơ "
                "sở dữ liệu.",
                "Thống nhất biểu mẫu điện tử để người dân điền trực tuyến.",
                "Công khai thời hạn giải quyết và trạng thái xử lý hồ sơ.",
                "Tích hợp thanh toán trực tuyến với thủ tục có thu phí, lệ phí.",
            ),
            _h("Lấy người dân làm trung tâm"),
            _p(
                "Theo Nghị định số 45/2020/NĐ-CP, kết quả giải quyết thủ tục hành chính điện tử có giá trị "
                "pháp lý như kết quả bản giấy.",
                "Thực hiện đồng bộ quy định này giúp người dân, tổ chức tiết kiệm thời gian, chi phí đi lại, "
                "đồng thời tạo áp lực tích cực để cơ quan hành chính nâng cao chất lượng phục vụ.",
            ),
        ],
    ),
    # ------------------------------------------------------------------ Nghiên cứu - Trao đổi
    _article(
        "tinh-gon-bo-may-sau-ba-nam-nghi-quyet-18",
        "nghien-cuu",
        "Tinh gọn tổ chức bộ máy của hệ thống chính trị: nhìn lại hơn ba năm thực hiện Nghị quyết số "
        "18-NQ/TW",
        "Bài viết đánh giá những chuyển biến trong sắp xếp tổ chức bộ máy theo Nghị quyết số 18-NQ/TW và đề "
        "xuất một số giải pháp để bộ máy thực sự tinh gọn, hoạt động hiệu lực, hiệu quả.",
        published="2021-03-24T08:00",
        byline="TS. Nguyễn Thị Lan – Học viện Hành chính Quốc gia",
        author="collaborator",
        tags=["tổ chức bộ máy", "tinh gọn bộ máy"],
        featured=True,
        body=[
            _p(
                "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII đặt ra yêu cầu "
                "tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu "
                "lực, hiệu quả.",
                "Hơn ba năm qua, việc thực hiện Nghị quyết đã giảm được nhiều đầu mối trung gian, từng bước "
                "khắc phục sự chồng chéo về chức năng, nhiệm vụ.",
            ),
            _h("Những chuyển biến bước đầu"),
            _l(
                "Giảm đầu mối tổng cục, cục, vụ và đơn vị sự nghiệp công lập thuộc các bộ, ngành.",
                "Thí điểm hợp nhất một số cơ quan tham mưu của cấp ủy với cơ quan chuyên môn của chính quyền "
                "có chức năng tương đồng.",
                "Thí điểm bí thư cấp ủy đồng thời là chủ tịch Ủy ban nhân dân ở một số địa phương.",
                "Sắp xếp các đơn vị hành chính cấp huyện, cấp xã chưa đạt tiêu chuẩn.",
            ),
            _h("Những vấn đề đặt ra"),
            _p(
                "Bên cạnh kết quả đạt được, việc sắp xếp ở một số nơi còn cơ học, chưa gắn chặt với đổi mới "
                "phương thức quản lý và tinh giản biên chế.",
                "Sau hợp nhất, có cơ quan tăng số cấp phó; chức năng, nhiệm vụ của một số đơn vị chưa được "
                "xác định rõ.",
                "Vì vậy, tinh gọn bộ máy cần được nhìn nhận như một quá trình lâu dài, đi liền với hoàn "
                "thiện thể chế và nâng cao chất lượng đội ngũ.",
            ),
            _p(
                "Tác giả đề xuất tiếp tục tổng kết các mô hình thí điểm, sớm luật hóa những mô hình đã được "
                "thực tiễn chứng minh là hiệu quả và gắn trách nhiệm người đứng đầu với kết quả sắp xếp tổ "
                "chức.",
            ),
        ],
    ),
    _article(
        "tu-chu-don-vi-su-nghiep-cong-lap-nghi-quyet-19",
        "nghien-cuu",
        "Đổi mới cơ chế tự chủ của đơn vị sự nghiệp công lập theo tinh thần Nghị quyết số 19-NQ/TW",
        "Tự chủ không chỉ là giảm chi ngân sách mà còn là cơ hội để đơn vị sự nghiệp công lập nâng cao chất "
        "lượng dịch vụ; bài viết phân tích những điều kiện để quá trình này thành công.",
        published="2021-04-14T08:30",
        byline="ThS. Trần Quốc Bảo – Trường Đại học Nội vụ Hà Nội",
        author="collaborator",
        tags=["đơn vị sự nghiệp công lập", "tự chủ"],
        body=[
            _p(
                "Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII đặt mục tiêu đến "
                "năm 2021 giảm tối thiểu 10% số đơn vị sự nghiệp công lập và 10% biên chế sự nghiệp hưởng "
                "lương từ ngân sách nhà nước so với năm 2015.",
                "Mục tiêu này đòi hỏi các đơn vị chuyển mạnh sang cơ chế tự chủ.",
            ),
            _h("Hiểu đầy đủ về tự chủ"),
            _p(
                "Tự chủ không chỉ là tự chủ tài chính mà còn bao gồm tự chủ về tổ chức bộ máy, nhân sự và "
                "thực hiện nhiệm vụ chuyên môn.",
                "Nếu chỉ giao tự chủ tài chính trong khi giữ nguyên cơ chế quản lý nhân sự cứng nhắc, đơn vị "
                "sẽ khó chủ động thu hút người giỏi và đổi mới cách cung cấp dịch vụ.",
            ),
            _l(
                "Hoàn thiện định mức kinh tế – kỹ thuật và lộ trình tính đủ chi phí vào giá dịch vụ sự "
                "nghiệp công.",
                "Chuyển từ hỗ trợ đơn vị cung ứng sang hỗ trợ trực tiếp đối tượng chính sách.",
                "Tăng cường trách nhiệm giải trình và kiểm định chất lượng dịch vụ.",
            ),
            _h("Kiến nghị"),
            _p(
                "Cần sớm ban hành quy định mới về cơ chế tự chủ tài chính thay thế Nghị định số "
                "16/2015/NĐ-CP, đồng thời có chính sách riêng cho đơn vị ở vùng khó khăn, nơi khả năng xã "
                "hội hóa thấp, để người dân vẫn được tiếp cận các dịch vụ cơ bản.",
            ),
        ],
    ),
    _article(
        "dao-tao-boi-duong-theo-vi-tri-viec-lam",
        "nghien-cuu",
        "Đào tạo, bồi dưỡng cán bộ, công chức theo vị trí việc làm: từ quy định đến thực tiễn",
        "Nghị định số 101/2017/NĐ-CP đã chuyển trọng tâm đào tạo, bồi dưỡng sang trang bị kiến thức, kỹ năng "
        "theo yêu cầu vị trí việc làm; tuy vậy, chất lượng bồi dưỡng ở nhiều nơi vẫn chưa đáp ứng kỳ vọng.",
        published="2021-05-05T09:00",
        byline="TS. Phạm Minh Đức – Học viện Hành chính Quốc gia",
        author="collaborator",
        tags=["đào tạo, bồi dưỡng", "công chức"],
        body=[
            _p(
                "Nghị định số 101/2017/NĐ-CP ngày 01/9/2017 của Chính phủ về đào tạo, bồi dưỡng cán bộ, công "
                "chức, viên chức xác định bồi dưỡng theo yêu cầu vị trí việc làm là nội dung bắt buộc.",
                "Đó là bước chuyển quan trọng từ tư duy học để có bằng cấp, chứng chỉ sang học để làm được "
                "việc.",
            ),
            _q(
                "Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người.",
                "Chủ tịch Hồ Chí Minh",
            ),
            _h("Những hạn chế cần khắc phục"),
            _l(
                "Chương trình bồi dưỡng còn nặng lý thuyết, ít tình huống thực tiễn.",
                "Đánh giá chất lượng sau bồi dưỡng chưa gắn với kết quả thực thi công vụ.",
                "Vẫn còn tình trạng cử người đi học theo kiểu luân phiên, không đúng nhu cầu.",
            ),
            _h("Giải pháp"),
            _p(
                "Cơ sở đào tạo cần thiết kế chương trình theo mô-đun, phát triển học liệu điện tử và mời "
                "chuyên gia thực tiễn tham gia giảng dạy.",
                "Cơ quan sử dụng công chức cần xác định nhu cầu bồi dưỡng từ khung năng lực của từng vị trí "
                "việc làm và theo dõi sự tiến bộ của người học sau mỗi khóa học.",
            ),
        ],
    ),
    _article(
        "van-hoa-cong-vu-nen-tang-hanh-chinh-phuc-vu",
        "nghien-cuu",
        "Xây dựng văn hóa công vụ – nền tảng của nền hành chính phục vụ",
        "Đề án Văn hóa công vụ ban hành kèm theo Quyết định số 1847/QĐ-TTg đã đặt ra chuẩn mực về tinh thần, "
        "thái độ và ứng xử của công chức; bài viết đề xuất cách để các chuẩn mực ấy trở thành nếp làm việc "
        "hằng ngày.",
        published="2021-06-02T08:00",
        byline="ThS. Lê Thu Trang – Trường Đại học Nội vụ Hà Nội",
        author="collaborator",
        tags=["văn hóa công vụ", "đạo đức công vụ"],
        body=[
            _p(
                "Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ phê duyệt Đề án Văn hóa "
                "công vụ, hướng tới xây dựng phong cách ứng xử chuẩn mực, chuyên nghiệp, trách nhiệm của cán "
                "bộ, công chức, viên chức khi thi hành công vụ.",
            ),
            _q(
                "Các cơ quan nhà nước, cán bộ, công chức, viên chức phải tôn trọng Nhân dân, tận tụy phục vụ "
                "Nhân dân, liên hệ chặt chẽ với Nhân dân, lắng nghe ý kiến và chịu sự giám sát của Nhân dân; "
                "kiên quyết đấu tranh chống tham nhũng, lãng phí và mọi biểu hiện quan liêu, hách dịch, cửa "
                "quyền.",
                "Khoản 2 Điều 8 Hiến pháp năm 2013",
            ),
            _h("Các yếu tố cấu thành văn hóa công vụ"),
            _l(
                "Tinh thần, thái độ làm việc: tận tụy, trách nhiệm, đúng giờ.",
                "Chuẩn mực giao tiếp, ứng xử với người dân và đồng nghiệp.",
                "Đạo đức, lối sống trong và ngoài công sở.",
                "Trang phục, cảnh quan và không gian công sở.",
            ),
            _h("Từ quy định đến thói quen"),
            _p(
                "Văn hóa công vụ không thể hình thành chỉ bằng văn bản.",
                "Người đứng đầu phải làm gương; đánh giá công chức cần tính đến ý kiến của người dân; hành "
                "vi gây phiền hà phải được xử lý nghiêm và công khai.",
                "Khi chuẩn mực trở thành thói quen, hình ảnh người công chức tận tụy, chuyên nghiệp sẽ củng "
                "cố niềm tin của Nhân dân vào bộ máy nhà nước.",
            ),
        ],
    ),
    # ------------------------------------------------------------------ Nghiên cứu - Trao đổi / Lý luận
    _article(
        "tu-tuong-ho-chi-minh-ve-cong-tac-can-bo",
        "ly-luan",
        "Tư tưởng Hồ Chí Minh về công tác cán bộ và giá trị đối với việc xây dựng đội ngũ hiện nay",
        "Những quan điểm của Chủ tịch Hồ Chí Minh về vị trí, vai trò của cán bộ và cách tuyển chọn, sử dụng "
        "cán bộ vẫn vẹn nguyên giá trị đối với việc xây dựng đội ngũ cán bộ các cấp, nhất là khi triển khai "
        "Nghị quyết số 26-NQ/TW.",
        published="2021-01-21T08:00",
        byline="PGS.TS. Lê Minh Hằng – Học viện Chính trị quốc gia Hồ Chí Minh",
        author="collaborator",
        tags=["công tác cán bộ", "tư tưởng Hồ Chí Minh"],
        body=[
            _p(
                "Trong tác phẩm “Sửa đổi lối làm việc” viết năm 1947, Chủ tịch Hồ Chí Minh dành nhiều trang "
                "bàn về cán bộ và công tác cán bộ.",
                "Người coi cán bộ là cầu nối giữa Đảng, Chính phủ với Nhân dân, là nhân tố quyết định sự "
                "thành bại của mọi chủ trương, chính sách.",
            ),
            _q("Cán bộ là cái gốc của mọi công việc.", "Chủ tịch Hồ Chí Minh, “Sửa đổi lối làm việc” (1947)"),
            _h("Những quan điểm cốt lõi"),
            _l(
                "Hiểu và đánh giá cán bộ toàn diện, khách quan, qua cả quá trình công tác.",
                "Dùng cán bộ đúng người, đúng việc, phát huy sở trường, khắc phục sở đoản.",
                "Thường xuyên huấn luyện, giúp đỡ để cán bộ tiến bộ.",
                "Kiểm tra, giám sát chặt chẽ, kịp thời uốn nắn sai sót.",
                "Chăm lo đời sống vật chất, tinh thần của cán bộ.",
            ),
            _h("Giá trị đối với hiện nay"),
            _p(
                "Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Hội nghị Trung ương 7 khóa XII về tập trung xây "
                "dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, đủ phẩm chất, năng lực và uy tín, "
                "ngang tầm nhiệm vụ là sự kế thừa, phát triển sáng tạo những quan điểm ấy.",
                "Vận dụng tư tưởng của Người, công tác cán bộ hôm nay cần kiên quyết khắc phục tình trạng "
                "chạy chức, chạy quyền, đồng thời mạnh dạn giao việc cho người trẻ có năng lực.",
            ),
        ],
    ),
    _article(
        "ly-luan-ve-nha-nuoc-phap-quyen-xhcn-viet-nam",
        "ly-luan",
        "Một số vấn đề lý luận về nhà nước pháp quyền xã hội chủ nghĩa Việt Nam",
        "Bài viết làm rõ các đặc trưng cơ bản của nhà nước pháp quyền xã hội chủ nghĩa Việt Nam theo Hiến "
        "pháp năm 2013 và những yêu cầu đặt ra đối với việc tiếp tục xây dựng, hoàn thiện nhà nước pháp "
        "quyền trong giai đoạn mới.",
        published="2021-02-18T08:00",
        byline="TS. Nguyễn Thị Lan – Học viện Hành chính Quốc gia",
        author="collaborator",
        tags=["nhà nước pháp quyền", "hiến pháp"],
        body=[
            _q(
                "Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam là nhà nước pháp quyền xã hội chủ nghĩa của "
                "Nhân dân, do Nhân dân, vì Nhân dân.",
                "Khoản 1 Điều 2 Hiến pháp năm 2013",
            ),
            _p(
                "Tư tưởng về nhà nước pháp quyền đã có lịch sử phát triển lâu dài trong tư tưởng chính trị – "
                "pháp lý của nhân loại.",
                "Ở nước ta, nhà nước pháp quyền xã hội chủ nghĩa lần đầu được ghi nhận trong Hiến pháp năm "
                "1992 (sửa đổi, bổ sung năm 2001); Hiến pháp năm 2013 tiếp tục khẳng định và làm sâu sắc "
                "thêm nội dung này.",
            ),
            _h("Những đặc trưng cơ bản"),
            _l(
                "Tất cả quyền lực nhà nước thuộc về Nhân dân.",
                "Quyền lực nhà nước là thống nhất, có sự phân công, phối hợp và kiểm soát giữa các cơ quan "
                "thực hiện quyền lập pháp, hành pháp, tư pháp.",
                "Hiến pháp và pháp luật giữ vị trí tối thượng trong điều chỉnh các quan hệ xã hội.",
                "Quyền con người, quyền công dân được công nhận, tôn trọng, bảo vệ và bảo đảm.",
                "Nhà nước do Đảng Cộng sản Việt Nam lãnh đạo.",
            ),
            _h("Yêu cầu trong giai đoạn mới"),
            _p(
                "Đại hội XIII của Đảng tiếp tục nhấn mạnh nhiệm vụ xây dựng, hoàn thiện nhà nước pháp quyền "
                "xã hội chủ nghĩa Việt Nam trong sạch, vững mạnh.",
                "Trọng tâm là hoàn thiện cơ chế kiểm soát quyền lực nhà nước, nâng cao chất lượng xây dựng "
                "pháp luật, đẩy mạnh cải cách tư pháp và xây dựng nền hành chính chuyên nghiệp, hiện đại, "
                "phục vụ Nhân dân.",
            ),
        ],
    ),
    _article(
        "phan-cap-phan-quyen-trung-uong-dia-phuong",
        "ly-luan",
        "Phân cấp, phân quyền giữa Trung ương và địa phương: cơ sở lý luận và yêu cầu hoàn thiện",
        "Phân cấp, phân quyền hợp lý là điều kiện để phát huy tính chủ động, sáng tạo của chính quyền địa "
        "phương; bài viết phân tích khái niệm, nguyên tắc và những vấn đề pháp lý cần tiếp tục hoàn thiện.",
        published="2021-03-30T08:00",
        byline="TS. Đặng Văn Khoa – Viện Khoa học tổ chức nhà nước",
        author="collaborator",
        tags=["phân cấp, phân quyền", "chính quyền địa phương"],
        body=[
            _p(
                "Trong khoa học hành chính, phân quyền là việc pháp luật trao cho chính quyền địa phương "
                "thẩm quyền riêng để tự quyết định và tự chịu trách nhiệm; còn phân cấp là việc cơ quan cấp "
                "trên chuyển giao một phần nhiệm vụ, quyền hạn cho cấp dưới, kèm theo các điều kiện bảo đảm "
                "thực hiện.",
                "Luật Tổ chức chính quyền địa phương năm 2015 đã có những quy định riêng về phân quyền, phân "
                "cấp và ủy quyền.",
            ),
            _h("Nguyên tắc phân cấp, phân quyền"),
            _l(
                "Bảo đảm sự quản lý thống nhất của Trung ương, đồng thời phát huy quyền chủ động của địa "
                "phương.",
                "Xác định rõ nhiệm vụ, quyền hạn giữa các cấp chính quyền, không chồng chéo.",
                "Phân cấp đi kèm nguồn lực tài chính, nhân lực và các điều kiện cần thiết.",
                "Có cơ chế kiểm tra, giám sát và trách nhiệm giải trình tương xứng.",
            ),
            _h("Những vấn đề cần hoàn thiện"),
            _p(
                "Thực tế, nhiều luật chuyên ngành vẫn giữ thẩm quyền quyết định ở Trung ương, trong khi năng "
                "lực của một số chính quyền địa phương chưa tương xứng với nhiệm vụ được giao.",
                "Vì vậy, phân cấp cần được thực hiện có phân biệt, phù hợp với đặc điểm đô thị, nông thôn, "
                "hải đảo và khả năng tự cân đối ngân sách của từng địa phương, tránh áp dụng cơ học một "
                "khuôn mẫu chung.",
            ),
        ],
    ),
    _article(
        "kiem-soat-quyen-luc-trong-cong-tac-can-bo",
        "ly-luan",
        "Kiểm soát quyền lực trong công tác cán bộ: tiếp cận từ Quy định số 205-QĐ/TW",
        "Quy định số 205-QĐ/TW của Bộ Chính trị đã nhận diện cụ thể các hành vi chạy chức, chạy quyền; bài "
        "viết bàn về cơ chế để quy định này đi vào thực chất.",
        published="2021-04-27T08:00",
        byline="ThS. Phạm Văn Hòa – Học viện Hành chính Quốc gia",
        author="collaborator",
        tags=["công tác cán bộ", "kiểm soát quyền lực"],
        body=[
            _p(
                "Quyền lực trong công tác cán bộ là loại quyền lực đặc biệt, bởi nó quyết định việc chọn ai "
                "sẽ trực tiếp nắm giữ và thực thi quyền lực công.",
                "Nếu không được kiểm soát, quyền lực này dễ bị lạm dụng, dẫn tới bổ nhiệm người thân quen, "
                "chạy chức, chạy quyền, làm suy giảm niềm tin của Nhân dân.",
            ),
            _h("Những điểm mới của Quy định số 205-QĐ/TW"),
            _p(
                "Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị nhận diện tương đối đầy đủ các hành "
                "vi lạm quyền, chạy chức, chạy quyền trong từng khâu của công tác cán bộ, từ tuyển dụng, quy "
                "hoạch, đánh giá đến bổ nhiệm, luân chuyển.",
                "Quy định cũng làm rõ trách nhiệm của người đứng đầu và của tập thể trong kiểm soát quyền "
                "lực.",
            ),
            _l(
                "Công khai, minh bạch tiêu chuẩn, quy trình và kết quả ở từng khâu của công tác cán bộ.",
                "Đề cao vai trò giám sát của cơ quan kiểm tra, thanh tra và của Nhân dân.",
                "Xử lý nghiêm người đứng đầu khi để xảy ra sai phạm trong công tác cán bộ.",
                "Ứng dụng công nghệ trong quản lý hồ sơ, thi tuyển để hạn chế tác động chủ quan.",
            ),
            _h("Từ quy định đến thực tiễn"),
            _p(
                "Cơ chế kiểm soát chỉ phát huy tác dụng khi được cụ thể hóa thành quy trình vận hành hằng "
                "ngày ở từng cơ quan.",
                "Các bộ, ngành, địa phương cần rà soát quy chế công tác cán bộ, bổ sung điểm kiểm soát ở "
                "những khâu dễ phát sinh tiêu cực và định kỳ công khai kết quả để cán bộ, đảng viên cùng "
                "giám sát.",
            ),
        ],
    ),
    _article(
        "quan-tri-nha-nuoc-hien-dai-goi-mo-cai-cach",
        "ly-luan",
        "Quản trị nhà nước hiện đại và những gợi mở cho cải cách nền hành chính Việt Nam",
        "Các lý thuyết quản trị nhà nước hiện đại đề cao tính minh bạch, trách nhiệm giải trình và sự tham "
        "gia của người dân; bài viết phân tích khả năng vận dụng những giá trị này trong điều kiện Việt Nam.",
        published="2021-05-25T08:00",
        byline="TS. Hoàng Đức Long – Viện Khoa học tổ chức nhà nước",
        author="collaborator",
        tags=["quản trị nhà nước", "nền hành chính"],
        body=[
            _p(
                "Từ cuối thế kỷ XX, nhiều quốc gia chuyển từ mô hình hành chính công truyền thống, vốn đề "
                "cao thứ bậc và quy trình, sang các cách tiếp cận mới như quản lý công mới và quản trị công "
                "tốt.",
                "Điểm chung của chúng là coi người dân là trung tâm, đo lường kết quả đầu ra và đề cao trách "
                "nhiệm giải trình.",
            ),
            _h("Hai mô hình nhìn từ một số tiêu chí"),
            _t(
                "So sánh một số đặc điểm của hai mô hình",
                ["Tiêu chí", "Hành chính truyền thống", "Quản trị hiện đại"],
                ["Trọng tâm", "Tuân thủ quy trình", "Kết quả và chất lượng phục vụ"],
                [
                    "Quan hệ với người dân",
                    "Người dân là đối tượng quản lý",
                    "Người dân là chủ thể được phục vụ",
                ],
                ["Trách nhiệm", "Chủ yếu với cấp trên", "Giải trình với cả cấp trên và xã hội"],
                ["Công cụ", "Mệnh lệnh hành chính", "Kết hợp pháp luật, thị trường và công nghệ"],
            ),
            _h("Vận dụng ở Việt Nam"),
            _p(
                "Nhiều giá trị của quản trị hiện đại đã hiện diện trong chủ trương xây dựng nền hành chính "
                "phục vụ, trong Chỉ số cải cách hành chính, Chỉ số hài lòng của người dân và các chương "
                "trình chính phủ điện tử.",
                "Tuy nhiên, việc vận dụng phải phù hợp với thể chế chính trị, truyền thống văn hóa và trình "
                "độ phát triển của đất nước, tránh sao chép máy móc mô hình nước ngoài.",
            ),
        ],
    ),
    # ------------------------------------------------------------------ Nghiên cứu - Trao đổi / Thực tiễn
    _article(
        "danh-gia-xep-loai-theo-nghi-dinh-90",
        "thuc-tien",
        "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức theo Nghị định số 90/2020/NĐ-CP: những "
        "chuyển biến bước đầu",
        "Kỳ đánh giá cuối năm 2020 là lần đầu các cơ quan áp dụng Nghị định số 90/2020/NĐ-CP; việc khống chế "
        "tỷ lệ xếp loại xuất sắc đã góp phần hạn chế tình trạng đánh giá nể nang, cào bằng.",
        published="2021-01-14T08:00",
        byline="Nguyễn Thu Hà - Lê Văn Nam",
        author="collaborator",
        tags=["đánh giá công chức", "công chức"],
        body=[
            _p(
                "Nghị định số 90/2020/NĐ-CP ngày 13/8/2020 của Chính phủ về đánh giá, xếp loại chất lượng "
                "cán bộ, công chức, viên chức gắn việc đánh giá chặt chẽ hơn với kết quả thực hiện nhiệm vụ "
                "được giao.",
                "Điểm mới nổi bật là số người được xếp loại “Hoàn thành xuất sắc nhiệm vụ” không vượt quá "
                "20% số được xếp loại “Hoàn thành tốt nhiệm vụ”.",
            ),
            _t(
                "Bốn mức xếp loại chất lượng theo Nghị định số 90/2020/NĐ-CP",
                ["Mức xếp loại", "Ý nghĩa"],
                [
                    "Hoàn thành xuất sắc nhiệm vụ",
                    "Kết quả nổi trội, có thành tích được ghi nhận; bị khống chế tỷ lệ",
                ],
                [
                    "Hoàn thành tốt nhiệm vụ",
                    "Hoàn thành đầy đủ, đúng tiến độ, bảo đảm chất lượng các nhiệm vụ",
                ],
                ["Hoàn thành nhiệm vụ", "Hoàn thành nhiệm vụ nhưng còn hạn chế ở một số mặt"],
                [
                    "Không hoàn thành nhiệm vụ",
                    "Không đạt yêu cầu; là căn cứ xem xét các biện pháp xử lý theo quy định",
                ],
            ),
            _h("Những chuyển biến bước đầu"),
            _p(
                "Qua kỳ đánh giá cuối năm 2020, tình trạng “ai cũng xuất sắc” ở nhiều cơ quan đã giảm rõ "
                "rệt.",
                "Người đứng đầu phải cân nhắc kỹ hơn khi đề xuất, còn công chức phải chứng minh kết quả bằng "
                "sản phẩm cụ thể.",
                "Tuy vậy, ở một số nơi việc xác định sản phẩm của công chức làm công tác tham mưu tổng hợp "
                "còn khó, dễ dẫn tới đánh giá cảm tính.",
            ),
            _h("Kiến nghị"),
            _p(
                "Cần xây dựng bộ tiêu chí đánh giá theo từng vị trí việc làm, dùng phần mềm theo dõi tiến độ "
                "công việc và đánh giá theo tháng, quý để kết quả cuối năm phản ánh đúng cả quá trình.",
            ),
        ],
    ),
    _article(
        "thu-hut-nguoi-co-tai-nang-vao-khu-vuc-cong",
        "thuc-tien",
        "Chính sách thu hút người có tài năng vào khu vực công: kinh nghiệm từ một số địa phương",
        "Nhiều địa phương đã có chính sách thu hút sinh viên tốt nghiệp xuất sắc, cán bộ khoa học trẻ theo "
        "Nghị định số 140/2017/NĐ-CP, nhưng giữ chân người giỏi vẫn là bài toán khó.",
        published="2021-02-09T08:00",
        byline="ThS. Trần Quốc Bảo – Trường Đại học Nội vụ Hà Nội",
        author="collaborator",
        tags=["thu hút nhân tài", "công chức"],
        body=[
            _p(
                "Nghị định số 140/2017/NĐ-CP ngày 05/12/2017 của Chính phủ về chính sách thu hút, tạo nguồn "
                "cán bộ từ sinh viên tốt nghiệp xuất sắc, cán bộ khoa học trẻ đã tạo cơ sở pháp lý để các cơ "
                "quan tuyển chọn người giỏi theo cơ chế riêng.",
                "Trên cơ sở đó, nhiều tỉnh, thành phố bổ sung các khoản hỗ trợ ban đầu, hỗ trợ nhà ở hoặc ưu "
                "tiên đào tạo sau đại học.",
            ),
            _h("Những cách làm đáng chú ý"),
            _l(
                "Công bố công khai danh mục vị trí cần thu hút, gắn với nhu cầu thực tế của cơ quan.",
                "Giao việc, giao đề tài ngay khi tiếp nhận và cử người hướng dẫn trong thời gian đầu.",
                "Đánh giá theo kết quả, mở ra lộ trình phát triển nghề nghiệp rõ ràng.",
            ),
            _q(
                "Muôn việc thành công hoặc thất bại, đều do cán bộ tốt hoặc kém.",
                "Chủ tịch Hồ Chí Minh, “Sửa đổi lối làm việc” (1947)",
            ),
            _h("Vì sao người giỏi vẫn ra đi?"),
            _p(
                "Thực tế ở nhiều cơ quan cho thấy người được thu hút xin nghỉ việc không chỉ vì thu nhập, mà "
                "còn vì môi trường làm việc thiếu động lực, công việc không đúng chuyên môn và cơ hội thăng "
                "tiến chưa minh bạch.",
                "Vì vậy, chính sách thu hút phải đi cùng chính sách trọng dụng, đãi ngộ và tôn vinh để người "
                "tài gắn bó lâu dài với khu vực công.",
            ),
        ],
    ),
    _article(
        "dua-luat-thanh-nien-2020-vao-cuoc-song",
        "thuc-tien",
        "Đưa Luật Thanh niên năm 2020 vào cuộc sống: thực tiễn từ cơ sở",
        "Luật Thanh niên năm 2020 có hiệu lực từ ngày 01/01/2021 với nhiều quy định mới về đối thoại với "
        "thanh niên và trách nhiệm của chính quyền; ở cơ sở, việc triển khai đã có những cách làm thiết "
        "thực.",
        published="2021-03-25T08:00",
        byline="Hoàng Nam",
        author="collaborator",
        tags=["thanh niên", "công tác thanh niên"],
        body=[
            _p(
                "Luật Thanh niên số 57/2020/QH14 được Quốc hội thông qua ngày 16/6/2020 và có hiệu lực từ "
                "ngày 01/01/2021.",
                "Luật xác định thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi, đồng thời quy định "
                "rõ hơn trách nhiệm của Nhà nước, gia đình và xã hội trong việc tạo điều kiện để thanh niên "
                "học tập, lập nghiệp, cống hiến.",
            ),
            _q(
                "Một năm khởi đầu từ mùa xuân. Một đời khởi đầu từ tuổi trẻ. Tuổi trẻ là mùa xuân của xã "
                "hội.",
                "Chủ tịch Hồ Chí Minh",
            ),
            _h("Đối thoại với thanh niên – điểm mới đáng chú ý"),
            _p(
                "Luật quy định người đứng đầu cơ quan nhà nước, chính quyền địa phương có trách nhiệm đối "
                "thoại với thanh niên ít nhất mỗi năm một lần.",
                "Trong Tháng Thanh niên năm 2021 – năm kỷ niệm 90 năm Ngày thành lập Đoàn Thanh niên Cộng "
                "sản Hồ Chí Minh – nhiều buổi đối thoại ở địa phương đã tập trung vào việc làm, khởi nghiệp "
                "và nhà ở cho công nhân trẻ.",
            ),
            _l(
                "Chuẩn bị kỹ nội dung, tổng hợp trước câu hỏi của thanh niên.",
                "Kết hợp hình thức trực tiếp và trực tuyến để nhiều người cùng tham gia.",
                "Theo dõi và công khai kết quả giải quyết kiến nghị sau đối thoại.",
            ),
        ],
    ),
    _article(
        "so-hoa-tai-lieu-luu-tru-lich-su-cap-tinh",
        "thuc-tien",
        "Số hóa tài liệu lưu trữ lịch sử ở cấp tỉnh: kinh nghiệm và những lưu ý",
        "Số hóa tài liệu lưu trữ giúp bảo vệ bản gốc và mở rộng khả năng khai thác, nhưng đòi hỏi quy trình "
        "chặt chẽ từ khâu chọn tài liệu đến quản lý dữ liệu sau số hóa.",
        published="2021-04-22T08:00",
        place="Nam Định",
        byline="Hoàng Nam",
        author="collaborator",
        tags=["lưu trữ", "số hóa"],
        body=[
            _p(
                "Luật Lưu trữ năm 2011 coi tài liệu lưu trữ là di sản của dân tộc, có giá trị đặc biệt đối "
                "với sự nghiệp xây dựng và bảo vệ Tổ quốc.",
                "Tại nhiều Lưu trữ lịch sử cấp tỉnh, khối tài liệu của các cơ quan, tổ chức qua nhiều thời "
                "kỳ đang được chỉnh lý và số hóa, vừa để bảo quản an toàn bản gốc, vừa để độc giả khai thác "
                "thuận tiện hơn.",
            ),
            _h("Quy trình số hóa cơ bản"),
            _l(
                "Chọn tài liệu ưu tiên: tài liệu có giá trị, được khai thác nhiều hoặc có nguy cơ hư hỏng.",
                "Chuẩn bị, vệ sinh, tu bổ tài liệu trước khi quét.",
                "Quét, tạo dữ liệu đặc tả và liên kết với cơ sở dữ liệu mục lục hồ sơ.",
                "Kiểm tra chất lượng, sao lưu và bảo quản dữ liệu số.",
            ),
            _h("Những lưu ý"),
            _p(
                "Số hóa không thay thế việc bảo quản tài liệu gốc.",
                "Cơ quan lưu trữ cần đầu tư hạ tầng lưu trữ dữ liệu có dự phòng, phân quyền truy cập rõ ràng "
                "và tuân thủ quy định về bảo vệ bí mật nhà nước.",
                "Khi đã có dữ liệu số, phòng đọc trực tuyến sẽ giúp người dân, nhà nghiên cứu tiếp cận tài "
                "liệu mà không phải đến tận trụ sở lưu trữ.",
            ),
        ],
    ),
    _article(
        "to-chuc-ton-giao-dong-hanh-phong-chong-dich",
        "thuc-tien",
        "Các tổ chức tôn giáo đồng hành cùng cộng đồng trong phòng, chống dịch COVID-19",
        "Từ điều chỉnh hình thức sinh hoạt tôn giáo đến hỗ trợ người gặp khó khăn, các tổ chức tôn giáo đã "
        "thể hiện rõ tinh thần đồng hành cùng chính quyền và Nhân dân trong cuộc chiến chống dịch.",
        published="2021-06-05T08:00",
        byline="Hoàng Nam",
        author="collaborator",
        tags=["tôn giáo", "phòng, chống dịch"],
        body=[
            _p(
                "Từ khi dịch COVID-19 xuất hiện, hoạt động của các cơ sở tôn giáo đã nhiều lần phải điều "
                "chỉnh cho phù hợp với từng giai đoạn phòng dịch.",
                "Các tổ chức tôn giáo ban hành thông báo, hướng dẫn tín đồ thực hiện nghi lễ tại gia và theo "
                "dõi buổi lễ qua truyền hình, mạng internet, đúng với phương châm “Đạo pháp – Dân tộc – Chủ "
                "nghĩa xã hội” của Giáo hội Phật giáo Việt Nam hay đường hướng “Sống Phúc Âm giữa lòng dân "
                "tộc” của Hội đồng Giám mục Việt Nam.",
            ),
            _h("Những đóng góp thiết thực"),
            _l(
                "Tạm dừng hoặc thu hẹp các lễ hội, nghi lễ tập trung đông người.",
                "Tổ chức bếp ăn, phát quà, hỗ trợ nhu yếu phẩm cho người lao động khó khăn.",
                "Vận động tín đồ ủng hộ Quỹ vắc xin phòng COVID-19 và lực lượng tuyến đầu.",
            ),
            _h("Vai trò của cơ quan quản lý nhà nước về tôn giáo"),
            _p(
                "Ban Tôn giáo Chính phủ và các ban tôn giáo cấp tỉnh giữ vai trò cầu nối, kịp thời thông tin "
                "về tình hình dịch bệnh và các biện pháp phòng dịch tới chức sắc, chức việc.",
                "Cách làm dựa trên đối thoại, tôn trọng và lắng nghe đã giúp các biện pháp phòng dịch được "
                "đồng bào có đạo đồng thuận thực hiện, đúng tinh thần Luật Tín ngưỡng, tôn giáo năm 2016.",
            ),
        ],
    ),
]

_BLOCK_TYPES = frozenset({"paragraph", "heading", "list", "quote", "table"})
_HTML_TAGS = frozenset({"p", "b", "i", "a"})
_AUTHORS = frozenset({"reporter", "collaborator", "editor"})
# Naive local times on purpose (the loader attaches Asia/Ho_Chi_Minh); compared as fixed-width ISO strings.
_FIRST_MOMENT = "2021-01-01T00:00"
_END_MOMENT = "2021-06-19T00:00"  # exclusive: nothing is newer than the reference page's list
_MIN_ARTICLES = 44
_MIN_PER_SECTION = 4
_MIN_PRESS_RELEASES = 6
_MIN_WORDS = 150
# The reference page mirrors a page whose structure needs more blocks than an ordinary article.
_MAX_BLOCKS = 8
_MAX_BLOCKS_REFERENCE = 10


def _ensure(condition: bool, message: str) -> None:
    # An explicit raise rather than ``assert``: the checks must survive ``python -O``.
    if not condition:
        raise AssertionError(message)


def _walk_sections(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for section in sections:
        found.append(section)
        found.extend(_walk_sections(section["children"]))
    return found


def _strip_tags(html: str) -> str:
    text, inside = [], False
    for char in html:
        if char == "<":
            inside = True
            text.append(" ")
        elif char == ">":
            inside = False
        elif not inside:
            text.append(char)
    return "".join(text)


def _check_html(html: str, where: str) -> None:
    _ensure(html.startswith("<p>") and html.endswith("</p>"), f"{where}: paragraph must be <p>…</p>")
    _ensure("&" not in html.replace("&amp;", ""), f"{where}: unescaped '&'")
    for chunk in html.split("<")[1:]:
        _ensure(">" in chunk, f"{where}: unclosed tag")
        tag = chunk.split(">", 1)[0]
        name = tag.lstrip("/").split(" ", 1)[0]
        _ensure(name in _HTML_TAGS, f"{where}: tag <{name}> is not allowed")
        if name == "a" and not tag.startswith("/"):
            _ensure('href="' in tag, f"{where}: link without href")
    for name in _HTML_TAGS:
        opened = html.count(f"<{name}>") + html.count(f"<{name} ")
        _ensure(opened == html.count(f"</{name}>"), f"{where}: unbalanced <{name}>")


def _block_text(block: Block, where: str) -> str:
    kind, value = block["type"], block["value"]
    _ensure(kind in _BLOCK_TYPES, f"{where}: unknown block type {kind!r}")
    if kind == "paragraph":
        _check_html(value, where)
        return _strip_tags(value)
    if kind == "heading":
        _ensure(isinstance(value, str) and bool(value) and "<" not in value, f"{where}: heading text")
        return value
    if kind == "list":
        _ensure(len(value) >= 2 and all(isinstance(i, str) and i for i in value), f"{where}: list items")
        return " ".join(value)
    if kind == "quote":
        _ensure(bool(value["text"]) and bool(value["attribution"]), f"{where}: quote text and attribution")
        return f"{value['text']} {value['attribution']}"
    header, rows = value["header"], value["rows"]
    _ensure(bool(value["caption"]) and bool(rows), f"{where}: table caption and rows")
    _ensure(all(len(row) == len(header) for row in rows), f"{where}: table rows must match the header")
    return " ".join([value["caption"], *header, *(cell for row in rows for cell in row)])


def _check_article(article: Article, section_keys: set[str]) -> None:
    key = article["key"]
    _ensure(key.isascii() and key == key.lower() and " " not in key, f"{key}: key must be short lower ASCII")
    _ensure(article["section"] in section_keys, f"{key}: unknown section {article['section']!r}")
    _ensure(bool(article["title"]) and bool(article["summary"]), f"{key}: title and summary are required")
    _ensure(bool(article["dateline_place"]), f"{key}: dateline place")
    dt.date.fromisoformat(article["dateline_date"])
    published = dt.datetime.fromisoformat(article["published_at"])
    _ensure(len(article["published_at"]) == 16 and published.tzinfo is None, f"{key}: published_at format")
    _ensure(_FIRST_MOMENT <= article["published_at"] < _END_MOMENT, f"{key}: published_at out of range")
    _ensure(article["author"] is None or article["author"] in _AUTHORS, f"{key}: author")
    _ensure(isinstance(article["byline"], str), f"{key}: byline must be a string")
    tags = article["tags"]
    _ensure(1 <= len(tags) <= 4, f"{key}: 1–4 tags")
    _ensure(all(tag and tag[0].islower() for tag in tags), f"{key}: tags start lower-case")
    _ensure(isinstance(article["featured"], bool), f"{key}: featured must be a bool")
    body = article["body"]
    max_blocks = _MAX_BLOCKS_REFERENCE if key == REFERENCE_ARTICLE_KEY else _MAX_BLOCKS
    _ensure(3 <= len(body) <= max_blocks, f"{key}: {len(body)} blocks")
    words = sum(len(_block_text(b, f"{key}[{i}]").split()) for i, b in enumerate(body))
    _ensure(words >= _MIN_WORDS, f"{key}: only {words} words")


def _check_reference(by_key: dict[str, Article]) -> None:
    reference = by_key[REFERENCE_ARTICLE_KEY]
    expected = {
        "section": "tin-tuc",
        "title": "Bộ Nội vụ triển khai thực hiện Chỉ thị số 12/CT-TTg ngày 12/5/2021 của Thủ tướng Chính phủ",
        "dateline_place": "Hà Nội",
        "dateline_date": "2021-06-20",
        "published_at": "2021-06-09T03:41",
        "byline": "PV",
    }
    for field, value in expected.items():
        _ensure(reference[field] == value, f"reference article: {field} must be {value!r}")
    headings = [b["value"] for b in reference["body"] if b["type"] == "heading"]
    _ensure(
        headings
        == [
            "Các đơn vị thuộc, trực thuộc Bộ và các đoàn thể chính trị",
            "Văn phòng Bộ",
            "Trung tâm Thông tin",
            "Tạp chí Tổ chức nhà nước",
        ],
        "reference article: headings per addressee",
    )
    others = sorted(
        (a for a in ARTICLES if a["section"] == "tin-tuc" and a["key"] != REFERENCE_ARTICLE_KEY),
        key=lambda a: a["published_at"],
        reverse=True,
    )
    newest = tuple(a["key"] for a in others[: len(REFERENCE_SAME_SECTION_KEYS)])
    _ensure(newest == REFERENCE_SAME_SECTION_KEYS, f"same-section list is {newest}")
    expected_days = ("2021-06-18", "2021-06-18", "2021-06-17", "2021-06-15", "2021-06-14")
    days = tuple(by_key[k]["published_at"][:10] for k in REFERENCE_SAME_SECTION_KEYS)
    _ensure(days == expected_days, f"same-section dates are {days}")
    rest = others[len(REFERENCE_SAME_SECTION_KEYS) :]
    older = [a["key"] for a in rest if a["published_at"] >= "2021-06-14"]
    _ensure(not older, f"tin-tuc articles must predate 2021-06-14: {older}")


def validate() -> None:
    """Check the invariants the demo loader and the reference-page tests rely on."""
    sections = _walk_sections(SECTIONS)
    section_keys = [s["key"] for s in sections]
    _ensure(len(section_keys) == len(set(section_keys)), "duplicate section keys")
    _ensure(all(s["title"] and s["intro"] for s in sections), "every section needs a title and an intro")
    keys = [a["key"] for a in ARTICLES]
    _ensure(len(keys) == len(set(keys)), "duplicate article keys")
    _ensure(len(ARTICLES) >= _MIN_ARTICLES, f"only {len(ARTICLES)} articles")
    for article in ARTICLES:
        _check_article(article, set(section_keys))
    for key in section_keys:
        count = sum(1 for a in ARTICLES if a["section"] == key)
        minimum = _MIN_PRESS_RELEASES if key == "thong-cao" else _MIN_PER_SECTION
        _ensure(count >= minimum, f"section {key!r} has {count} articles")
    by_key = {a["key"]: a for a in ARTICLES}
    _ensure(REFERENCE_ARTICLE_KEY in by_key, "reference article missing")
    _check_reference(by_key)
    used = [{b["type"] for b in a["body"]} for a in ARTICLES]
    for kind, minimum in (("list", 8), ("quote", 5), ("table", 3)):
        _ensure(sum(kind in u for u in used) >= minimum, f"fewer than {minimum} articles use a {kind}")
    _ensure(sum("heading" in u for u in used) > len(ARTICLES) // 2, "most articles should use a heading")
    _ensure(4 <= sum(a["featured"] for a in ARTICLES) <= 8, "about six featured articles")
