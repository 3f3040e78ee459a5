"""Vietnamese sentences for the personal-data masking tests, with the expected spans marked.

Every sentence, name, number and address here is invented for these tests: the people do
not exist, the phone numbers, ID numbers and accounts are made up (and the e-mail domains
are ``example.vn``/``example.com``).  Names of ministries, provinces, streets and official
documents are real and reused as facts.

Markup: ``[[kind:text]]`` marks a span that must be masked; ``kind`` is a ``PiiKind``
value.  Everything else must come back unchanged.  A case may carry the submitter's names
from the form (``known_names``).

``DEVELOPMENT`` was used while writing the rules.  The holdout sets were each written
before the finder had ever seen them and measured once, blind (exact start, end and kind):

* ``HOLDOUT``: precision 17/17 = 1.00, recall 17/18 = 0.94.  The miss ("anh Khoa") showed
  that the list of organisation heads held common given names ("Khoa", "Chi"); the list
  was reviewed as a whole afterwards, so this set is no longer blind.
* ``HOLDOUT_2``: precision 16/16 = 1.00, recall 16/18 = 0.89.  Misses: a Central Highlands
  name with an apostrophe after "công dân" ("K'Bròng Ha Tiên"), and an account holder after
  "mang tên" (the street rule "đường mang tên ..." swallowed it).  Both rules were fixed in
  general form afterwards, so this set is no longer blind either.
* ``HOLDOUT_3``: precision 17/18 = 0.94, recall 17/17 = 1.00.  The false positive was
  the city "thành phố Buôn Ma Thuột" read as a hamlet ("buôn" is an Ede village); names
  right after an administrative unit are now never address parts.
* ``HOLDOUT_4``: precision 12/13 = 0.92, recall 12/13 = 0.92 -- one phone printed "+84 (0)
  935 112 233" was masked only from "0)" on.  The trunk "(0)" is now understood.

Pooled over the four blind first runs: precision 62/64 = 0.97, recall 62/66 = 0.94 (the
development set, which the rules were written against, scores 63/63).

The tests hold the holdouts to floors (regression guards), not to their current values.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    marked: str
    known_names: tuple[str, ...] = field(default=())


DEVELOPMENT: tuple[Case, ...] = (
    # --- Letters with several kinds at once ---------------------------------------------------
    Case(
        "Kính gửi Bộ Nội vụ, tôi tên là [[name:Nguyễn Văn An]], CCCD [[citizen_id:001099012345]], ở "
        "[[address:số 12 ngõ 34 phố Láng Hạ]], phường Láng Hạ, quận Đống Đa, Hà Nội, số điện thoại "
        "[[phone:0912 345 678]], email [[email:an.nguyen@example.vn]]. Tôi đề nghị được hướng dẫn thủ "
        "tục xét tuyển công chức theo Nghị định 138/2020/NĐ-CP."
    ),
    Case(
        "Tôi là [[name:Trần Thị Bích Ngọc]], sinh ngày [[dob:15/08/1987]], thường trú tại "
        "[[address:thôn Đông Xá]], xã Đông Sơn, huyện Đông Hưng, tỉnh Thái Bình. Điện thoại liên hệ: "
        "[[phone:0987.654.321]]."
    ),
    Case(
        "Họ và tên: [[name:LÊ HOÀNG PHÚC]]\nSố CCCD: [[citizen_id:079203004567]]\nĐịa chỉ: "
        "[[address:số nhà 160/16 đường Nguyễn Văn Cừ]], phường 4, quận 5, TP. Hồ Chí Minh\n"
        "Điện thoại: [[phone:+84 903 111 222]]"
    ),
    Case(
        "Người gửi: [[name:Phạm Minh Tuấn]] - địa chỉ: [[address:tổ dân phố 5]], phường Quang Trung, "
        "thành phố Thái Bình. Tôi xin hỏi về chế độ phụ cấp thâm niên nhà giáo."
    ),
    Case(
        "Em tên là [[name:Hoàng Thị Mai]], năm nay em học lớp 12 trường THPT Trần Phú, em muốn hỏi về "
        "điều kiện xét tuyển vào Học viện Hành chính Quốc gia. Số điện thoại của em là "
        "[[phone:0339876543]]."
    ),
    Case(
        "Tôi là [[name:Vũ Đức Thắng]], cựu chiến binh, sinh năm 1955, hiện cư trú tại "
        "[[address:xóm 3]], xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An. Tôi đề nghị Bộ xem xét chế "
        "độ theo Quyết định 62/2011/QĐ-TTg."
    ),
    Case(
        "Kính gửi Ủy ban nhân dân phường Láng Hạ. Tôi tên [[name:Đỗ Quang Huy]], CMND số "
        "[[citizen_id:012345678]], hiện tạm trú tại [[address:phòng 305 nhà B2 khu tập thể Thành "
        "Công]], quận Ba Đình."
    ),
    Case(
        "Tôi là [[name:Bùi Thị Hằng]], giáo viên mầm non hợp đồng tại huyện Mê Linh. Tôi đã gửi đơn qua "
        "email [[email:hangbui.mn@example.com]] từ ngày 10/3/2024 nhưng chưa nhận được trả lời."
    ),
    Case(
        "Mẹ tôi là bà [[name:Ngô Thị Lan]], số định danh cá nhân [[citizen_id:036158002233]], đang "
        "hưởng trợ cấp người có công. Xin hỏi khi mẹ tôi chuyển về ở với tôi tại "
        "[[address:số 8 hẻm 45 đường Lê Văn Sỹ]], phường 13, quận 3 thì thủ tục thế nào?"
    ),
    Case(
        "Số tài khoản của tôi là [[bank_account:0451000123456]] tại Ngân hàng Vietcombank chi nhánh "
        "Thành Công, đề nghị Sở chuyển khoản tiền hỗ trợ 3.500.000 đồng vào tài khoản này."
    ),
    Case(
        "Ngày 5/6/2024 xe ô tô biển số [[plate:30E-123.45]] của tôi bị lập biên bản vi phạm theo Nghị "
        "định 100/2019/NĐ-CP, mức phạt 4.000.000 đồng. Tôi là [[name:Đặng Văn Long]], xin hỏi thủ tục "
        "nộp phạt trực tuyến."
    ),
    Case(
        "Chồng tôi là anh [[name:Trịnh Văn Hải]], làm việc tại Công ty TNHH Hòa Phát, bị tai nạn lao "
        "động ngày 12/01/2025. Cho tôi hỏi thủ tục hưởng chế độ theo Luật An toàn, vệ sinh lao động "
        "2015."
    ),
    Case("Liên hệ: chị [[name:Hạnh]], ĐT [[phone:(024) 3825 1234]] hoặc [[phone:84-912-345-678]]."),
    Case(
        "Gia đình tôi ở [[address:ấp Bình An]], xã Bình Thạnh, huyện Thủ Thừa, tỉnh Long An. Đường "
        "vào ấp bị sạt lở từ tháng 9 năm 2023 nhưng chưa được sửa."
    ),
    Case(
        "Tôi là [[name:Lý Văn Sáng]], dân tộc Tày, sinh ngày [[dob:02-11-1970]], CCCD "
        "[[citizen_id:004070001122]], ở [[address:bản Nà Ngần]], xã Hồng Thái, huyện Na Hang, tỉnh "
        "Tuyên Quang."
    ),
    Case(
        "Xin cảm ơn quý Bộ.\nNgười viết đơn\n[[name:Nguyễn Thị Thu Trang]]",
    ),
    Case(
        "Trân trọng,\n[[name:Phan Văn Đức]]\nSĐT: [[phone:0868 123 456]]",
    ),
    Case(
        "Tôi đã liên hệ với anh [[name:Tùng]] ở bộ phận một cửa nhưng được trả lời phải chờ thêm 15 "
        "ngày làm việc."
    ),
    Case(
        "Ông [[name:Nguyễn Văn Bình]], cán bộ địa chính xã, yêu cầu tôi nộp thêm giấy tờ không có "
        "trong Thông tư 24/2014/TT-BTNMT."
    ),
    Case("Email liên hệ: [[email:tran.b [at] example.com]] (tôi không dùng Zalo)."),
    Case(
        "Đề nghị gửi kết quả về địa chỉ [[address:số 25 ngõ 120 Trần Duy Hưng]], phường Trung Hòa, quận "
        "Cầu Giấy, Hà Nội cho ông [[name:Lương Văn Tâm]]."
    ),
    Case(
        "Con trai tôi là cháu [[name:Hồ Gia Bảo]], sinh ngày [[dob:3 tháng 5 năm 2016]], chưa được "
        "cấp mã số định danh cá nhân. Tôi phải làm thủ tục ở đâu?"
    ),
    Case("Số điện thoại: [[phone:0912\u200b345\u200b678]] (gọi giờ hành chính)."),
    Case(
        "Tôi là [[name:Dương Thị Hoa]], nhân viên y tế thôn, số CCCD của tôi là "
        "[[citizen_id:027 185 006 789]]."
    ),
    Case(
        "Tôi tên là [[name:Nguyễn Văn An]]. Hôm trước anh [[name:An]] đã gửi câu hỏi này qua email "
        "nhưng chưa được trả lời; [[name:NGUYEN VAN AN]] là tên không dấu trên hộ chiếu của [[name:NGUYỄN VĂN "
        "AN]]... ý tôi là [[name:nguyen van an]].",
        known_names=("Nguyễn Văn An",),
    ),
    Case(
        "[[name:Le Thi Hoa]], [[phone:0912345678]] la so cua toi; chi [[name:Hoa]] se nhan ket qua.",
        known_names=("Lê Thị Hoa",),
    ),
    Case(
        "Địa chỉ thường trú: [[address:Khu phố 3]], phường Tân Phong, thành phố Biên Hòa, tỉnh Đồng "
        "Nai. Tôi hỏi về việc đăng ký thường trú cho con."
    ),
    Case(
        "Tôi tên [[name:Thạch Sô Phên]], người dân tộc Khmer ở [[address:phum Sóc Xoài]], xã Lương Hòa, "
        "huyện Châu Thành, tỉnh Trà Vinh."
    ),
    # --- Must stay untouched --------------------------------------------------------------------
    Case(
        "Theo khoản 2 Điều 5 Nghị định số 09/2017/NĐ-CP ngày 09/02/2017 của Chính phủ, cơ quan hành "
        "chính nhà nước phải phát ngôn và cung cấp thông tin cho báo chí."
    ),
    Case(
        "Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà đã ký Quyết định số 1234/QĐ-BNV ngày 20/12/2024 về việc "
        "phê duyệt đề án."
    ),
    Case(
        "Ủy ban nhân dân phường Láng Hạ, Trường Đại học Nội vụ Hà Nội và Sở Nội vụ thành phố Hồ Chí "
        "Minh phối hợp tổ chức hội nghị."
    ),
    Case(
        "Mức lương cơ sở từ ngày 01/7/2024 là 2.340.000 đồng/tháng; người lao động đóng 8% vào quỹ hưu "
        "trí năm 2025."
    ),
    Case(
        "Chủ tịch UBND tỉnh Nghệ An ông Nguyễn Đức Trung đã chỉ đạo các sở, ngành giải quyết dứt điểm "
        "kiến nghị của cử tri."
    ),
    Case("Ông Lê Văn Dũng, Giám đốc Sở Nội vụ tỉnh Bắc Giang, cho biết hồ sơ được giải quyết trong 15 ngày."),
    Case("Bộ phận một cửa đặt tại trụ sở số 8 Tôn Thất Thuyết, quận Nam Từ Liêm; đường dây nóng 1900 1234."),
    Case(
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; đường Nguyễn Thị Minh Khai và "
        "phố Trần Hưng Đạo được lát lại vỉa hè."
    ),
    Case(
        "Tỉnh Bà Rịa - Vũng Tàu và huyện Anh Sơn, tỉnh Nghệ An đã hoàn thành sắp xếp đơn vị hành chính "
        "cấp xã theo Nghị quyết 1278/NQ-UBTVQH15."
    ),
    Case(
        "Tôi là đảng viên, đã đóng bảo hiểm xã hội 25 năm 6 tháng, sinh năm 1968, xin hỏi khi nào tôi "
        "đủ điều kiện nghỉ hưu theo Điều 169 Bộ luật Lao động 2019?"
    ),
    Case("Đồng chí Nguyễn Văn Thành, Thứ trưởng Bộ Nội vụ, chủ trì buổi làm việc ngày 15-3-2025."),
    Case("Tổng số tiền bồi thường là 123.456.789.012 đồng, chi trả từ năm 2023 đến năm 2025 theo 3 đợt."),
    Case("Văn bản số 4567/BNV-CCVC ngày 12 tháng 8 năm 2024 hướng dẫn tại mục 3, trang 12, phụ lục II."),
    Case("Tôi đã học tiếng Anh và tin học, có chứng chỉ IELTS 6.5, tốt nghiệp Đại học Luật Hà Nội năm 2015."),
    Case("Chị em Hội Liên hiệp Phụ nữ xã và bà con thôn Đông đã góp 120 ngày công làm đường."),
    Case("Người phát ngôn Bộ Nội vụ, ông Vũ Đăng Minh, trả lời báo chí về kỳ thi tuyển công chức năm 2025."),
)


HOLDOUT: tuple[Case, ...] = (
    Case(
        "Kính gửi Sở Lao động - Thương binh và Xã hội tỉnh Hải Dương. Tôi là [[name:Nguyễn Thị Hòa]], "
        "ở [[address:thôn Cập Nhất]], xã Cẩm Vũ, huyện Cẩm Giàng, SĐT [[phone:0977 456 123]], xin hỏi "
        "về trợ cấp cho người khuyết tật."
    ),
    Case(
        "Họ tên: [[name:Trần Quốc Việt]]; CCCD: [[citizen_id:031088009876]]; nơi ở hiện nay: "
        "[[address:số 45 đường Lạch Tray]], phường Đằng Giang, quận Ngô Quyền, Hải Phòng."
    ),
    Case(
        "Tôi muốn hỏi về Thông tư 02/2021/TT-BNV quy định mã số, tiêu chuẩn chuyên môn, nghiệp vụ ngạch "
        "công chức chuyên ngành hành chính."
    ),
    Case(
        "Bà [[name:Phùng Thị Thu]], mẹ liệt sĩ, hiện sống tại [[address:xóm Trại]], xã Hoàng Tây, huyện "
        "Kim Bảng, tỉnh Hà Nam, đã 90 tuổi."
    ),
    Case(
        "Xin gửi lại bản chụp giấy tờ qua hộp thư [[email:nguyenthuy1990@example.com]] hoặc Zalo "
        "[[phone:0905 678 912]]."
    ),
    Case("Phó Thủ tướng Chính phủ Trần Hồng Hà chủ trì cuộc họp về Luật Đất đai số 31/2024/QH15."),
    Case(
        "Em là [[name:Lò Văn Pảng]], học sinh trường dân tộc nội trú huyện Mường Tè, nhà em ở "
        "[[address:bản Pa Ủ]], xã Pa Ủ."
    ),
    Case(
        "Tôi đã chuyển 2.000.000 đồng vào STK [[bank_account:1903 5678 9012 34]] theo hướng dẫn của "
        "anh [[name:Khoa]] nhưng chưa nhận được biên lai."
    ),
    Case(
        "Quận Hoàng Mai và quận Long Biên được chọn thí điểm, Chủ tịch UBND thành phố Hà Nội Trần Sỹ "
        "Thanh ký quyết định ngày 1/10/2024."
    ),
    Case(
        "Cháu nội tôi là [[name:Đinh Gia Huy]], sinh ngày [[dob:20/11/2019]], đang học mẫu giáo tại "
        "phường Hà Cầu, quận Hà Đông."
    ),
    Case(
        "Đề nghị cơ quan chức năng kiểm tra xe tải biển kiểm soát [[plate:29C-456.78]] thường xuyên chở "
        "quá tải qua cầu Đông Trù."
    ),
    Case("Ông [[name:Tạ Văn Nam]], trưởng thôn, đã thu của mỗi hộ 500.000 đồng mà không có biên lai."),
)


#: Second holdout; see the module docstring for its blind result and what it led to.
HOLDOUT_2: tuple[Case, ...] = (
    Case(
        "Kính gửi Bộ Nội vụ! Tôi tên là [[name:Mai Xuân Trường]], hiện là viên chức hợp đồng, nhà ở "
        "[[address:số 3 ngõ 17 đường Hoàng Hoa Thám]], phường Ngọc Hà, quận Ba Đình."
    ),
    Case(
        "Số ĐT: [[phone:0383 555 777]]; Email: [[email:xuantruong.mai@example.vn]]; CCCD: "
        "[[citizen_id:001085007654]] cấp ngày 10/5/2021."
    ),
    Case(
        "Theo Điều 3 Thông tư số 06/2023/TT-BNV, từ ngày 01/7/2024 mức lương cơ sở tăng lên 2.340.000 đồng."
    ),
    Case(
        "Tôi và chị [[name:Hương]] (hàng xóm) đều có con học ở trường Tiểu học Phan Chu Trinh, quận Ba Đình."
    ),
    Case(
        "Ngày 20/2/2025, Thứ trưởng Bộ Nội vụ Vũ Chiến Thắng làm việc với tỉnh Quảng Trị về sắp xếp "
        "tổ chức bộ máy."
    ),
    Case(
        "Bố tôi là ông [[name:Cao Văn Lực]], nguyên là bộ đội, sinh năm 1948, hiện ở "
        "[[address:thôn Tiên Lữ]], xã Tiên Phong, huyện Ba Vì."
    ),
    Case("Tôi gọi vào số [[phone:0243 7 333 888]] nhiều lần nhưng không ai nghe máy, xin hỏi số này của ai?"),
    Case("Đề nghị Sở Nội vụ tỉnh Lâm Đồng trả lời công dân [[name:K'Bròng Ha Tiên]] theo đúng thời hạn."),
    Case(
        "Họ tên người đề nghị: [[name:Hà Thị Thanh Xuân]]\nNgày sinh: [[dob:07/07/1992]]\nNơi "
        "thường trú: [[address:tổ 9]], phường Quang Trung, thành phố Hà Giang"
    ),
    Case("Quỹ bảo hiểm xã hội năm 2024 chi 1.234.567.890.123 đồng cho hơn 3,3 triệu người hưởng lương hưu."),
    Case(
        "Tôi là [[name:Phan Thanh Bình]], xe máy của tôi biển số [[plate:59-X2 123.45]] bị giữ tại "
        "Công an phường 7 từ ngày 2/3/2025."
    ),
    Case("Em cảm ơn cô [[name:Thu]] ở Phòng Giáo dục huyện đã hướng dẫn em làm hồ sơ xét tuyển giáo viên."),
    Case(
        "Căn cứ Nghị quyết số 190/2025/QH15 của Quốc hội, Ủy ban nhân dân tỉnh Nam Định và Hà Nam "
        "thống nhất phương án hợp nhất."
    ),
    Case(
        "Xin gửi tiền hỗ trợ vào tài khoản [[bank_account:102 874 562 219]] mang tên [[name:Nguyễn Thị "
        "Duyên]], Ngân hàng VietinBank chi nhánh Ba Đình."
    ),
)


#: Third holdout, written after every rule above was settled; see the module docstring.
HOLDOUT_3: tuple[Case, ...] = (
    Case(
        "Kính gửi Văn phòng Bộ. Tôi là [[name:Đào Thị Ngọc Ánh]], giáo viên tiểu học, địa chỉ liên hệ: "
        "[[address:số 56 đường Hùng Vương]], phường Tân An, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk."
    ),
    Case(
        "Tôi xin cung cấp số điện thoại [[phone:0357 246 810]] và email "
        "[[email:ngocanh.dao@example.vn]] để quý cơ quan tiện liên hệ."
    ),
    Case(
        "Chủ tịch Quốc hội Trần Thanh Mẫn đã ký chứng thực Luật Tổ chức chính quyền địa phương số "
        "72/2025/QH15."
    ),
    Case(
        "Ông nội tôi là cụ [[name:Triệu Văn Páo]], người Dao, năm nay 88 tuổi, ở [[address:bản Nậm "
        "Cắt]], xã Nậm Xây, huyện Văn Bàn, tỉnh Lào Cai."
    ),
    Case("Mức trợ cấp hằng tháng là 1.500.000 đồng/người, áp dụng từ ngày 01/01/2025 theo Điều 6."),
    Case("Số CCCD của vợ tôi là [[citizen_id:038190001357]], còn của tôi là [[citizen_id:038088002468]]."),
    Case(
        "Tôi tên [[name:Huỳnh Tấn Phát]], ở [[address:ấp Mỹ Hòa]], xã Mỹ Long, huyện Cao Lãnh, tỉnh "
        "Đồng Tháp, xin hỏi về thủ tục cấp lại sổ đỏ."
    ),
    Case("Trường Đại học Nội vụ Hà Nội có trụ sở tại số 36 Xuân La, quận Tây Hồ, Hà Nội."),
    Case(
        "Em gái tôi, [[name:Lê Thị Thảo]], sinh ngày [[dob:30.04.2001]], đã nộp hồ sơ thi công chức "
        "nhưng bị loại vì thiếu chứng chỉ tin học."
    ),
    Case(
        "Tôi phản ánh việc ông [[name:Nguyễn Văn Tài]], trưởng thôn, tự ý thu tiền đóng góp xây nhà văn hóa."
    ),
    Case(
        "Ngày 3/3/2025 Bộ Nội vụ tổ chức hội nghị tại Hà Nội; Thứ trưởng Trương Hải Long phát biểu khai mạc."
    ),
    Case(
        "Liên hệ: [[name:Trần Văn Hậu]] - ĐT: [[phone:0916.88.99.00]] - Địa chỉ: [[address:thôn 4]], xã "
        "Ea Kao."
    ),
    Case("Xin hỏi Bộ: người sinh năm 1964 nghỉ hưu năm nào theo Nghị định 135/2020/NĐ-CP?"),
    Case(
        "Tôi đã chuyển khoản phí vào tài khoản số [[bank_account:0021000456789]] của Trung tâm Phục vụ "
        "hành chính công tỉnh."
    ),
)


#: Fourth holdout, the last one measured blind; see the module docstring.
HOLDOUT_4: tuple[Case, ...] = (
    Case(
        "Kính gửi Sở Nội vụ thành phố Đà Nẵng, tôi tên là [[name:Võ Thị Kim Liên]], hiện trú tại "
        "[[address:tổ 23]], phường Hòa Khánh Bắc, quận Liên Chiểu."
    ),
    Case("Điện thoại nhà: [[phone:0236 3 765 432]], di động: [[phone:+84 (0) 935 112 233]]."),
    Case("Phó Chủ tịch UBND thành phố Lê Trung Chinh đã ký văn bản số 1234/UBND-NCPC gửi các sở, ngành."),
    Case("Đơn vị tính: nghìn đồng; tổng cộng 12.345.678 nghìn đồng, tăng 5,6% so với năm 2023."),
    Case(
        "Con tôi là cháu [[name:Phạm Gia Khánh]], mã số định danh [[citizen_id:048220001234]], được "
        "cấp giấy khai sinh tại UBND phường Thạch Thang."
    ),
    Case(
        "Gửi ý kiến qua hộp thư [[email:kienphan_1975 [at] example.com]] hoặc gọi cho tôi theo số "
        "[[phone:0799 001 002]]."
    ),
    Case(
        "Theo khoản 3 Điều 12 Luật Cư trú, công dân có trách nhiệm khai báo tạm vắng trong các trường "
        "hợp sau đây."
    ),
    Case("Nhà tôi ở [[address:kiệt 45 Trần Cao Vân]], phường Thạc Gián, bị ngập sâu mỗi mùa mưa."),
    Case("Ký tên\n[[name:Ngô Đình Khải]]"),
    Case("Đoàn công tác do đồng chí Nguyễn Hải Ninh, Bộ trưởng Bộ Tư pháp, dẫn đầu đã làm việc tại tỉnh."),
    Case(
        "Chị [[name:Diệp Bảo Ngọc]] (chủ nhà trọ ở [[address:số 7 hẻm 12 Nguyễn Văn Linh]]) không đăng ký "
        "tạm trú cho người thuê."
    ),
    Case(
        "Tôi nộp phạt cho xe mô tô biển số [[plate:43-B1 567.89]] ngày 15/4/2025 tại Kho bạc Nhà nước "
        "quận Hải Châu."
    ),
)
