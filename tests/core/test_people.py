"""People, names and titles: each pattern tested on a real sentence of the corpus."""

from __future__ import annotations

import pytest

from workbench.core.models import Person, Report
from workbench.core.names import find_names, is_lunar_year
from workbench.core.people import find_people
from workbench.core.titles import merge_titles, refers_to, same_title
from workbench.core.tokens import text_keys, tokenize, word_keys


def people_of(report: Report) -> dict[str, Person]:
    text = report.text
    return {p.name: p for p in find_people(text, tokenize(text)).people}


def mention_texts(report: Report, person: Person) -> list[str]:
    return [report.text[m.start : m.end] for m in person.mentions]


# --- tokens and names ----------------------------------------------------------------------


def test_tone_styles_give_one_key() -> None:
    assert word_keys("Uỷ")[0] == word_keys("Ủy")[0] == "ủy"
    assert word_keys("hoà")[0] == "hòa"
    assert word_keys("Thể")[0] != word_keys("Thế")[0]


def test_names_are_two_to_four_syllables_from_a_surname() -> None:
    tokens = tokenize("Sáng 6-2, Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung đã chủ trì hội nghị")
    names = [" ".join(t.text for t in tokens[n.first : n.last]) for n in find_names(tokens)]
    assert names == ["Nguyễn Đức Chung"]


def test_photo_credits_glued_to_a_slash_are_no_names() -> None:
    tokens = tokenize("đời sống của nhân dân được nâng cao. Ảnh: Đỗ Trưởng/TTXVN")
    assert find_names(tokens) == []


def test_lunar_years_are_no_names() -> None:
    assert is_lunar_year(text_keys("Đinh Dậu"))
    text = "Công an tỉnh đã đảm bảo an toàn cho người dân trong tỉnh đón Tết Nguyên đán Đinh Dậu"
    assert find_names(tokenize(text)) == []


# --- titles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    ["Ủy viên Ban Chấp hành Trung ương Đảng", "Uỷ viên BCH TW Đảng", "Ủy viên Trung ương Đảng"],
)
def test_spellings_of_one_title(variant: str) -> None:
    assert same_title("Ủy viên Trung ương Đảng", variant)


def test_different_heads_are_different_titles() -> None:
    assert not same_title("Phó Bí thư Đảng ủy Khối", "Bí thư Đảng ủy Khối các cơ quan Trung ương")
    assert not same_title("Ủy viên Bộ Chính trị", "Ủy viên Trung ương Đảng")


def test_merge_keeps_the_fullest_form_in_first_seen_order() -> None:
    merged = merge_titles(
        ["Ủy viên Trung ương Đảng", "Bí thư Đảng ủy Khối", "Ủy viên Ban Chấp hành Trung ương Đảng"]
    )
    assert merged == ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Đảng ủy Khối"]


def test_a_title_alone_refers_to_its_longer_form() -> None:
    assert refers_to("Bí thư Đảng ủy Khối", "Bí thư Đảng ủy Khối các cơ quan Trung ương")
    assert refers_to("Thứ trưởng", "Thứ trưởng Bộ Công an")
    assert refers_to("Bí thư Thành ủy TP.HCM", "Bí thư Thành ủy")
    assert not refers_to("Thủ tướng", "Phó Thủ tướng")
    assert not refers_to("Giám đốc sở", "Giám đốc Sở Y tế")  # generic, lower-case "sở"


# --- people --------------------------------------------------------------------------------

ATTENDEE_LIST = (
    "Dự hội nghị có các đồng chí: Phạm Tất Thắng, Ủy viên Trung ương Đảng, Phó Trưởng Ban "
    "Thường trực Ban Dân vận Trung ương; Nguyễn Văn Thể, Ủy viên Trung ương Đảng, Bí thư Đảng ủy "
    "Khối các cơ quan Trung ương; Nguyễn Thị Hồng, Ủy viên Trung ương Đảng, Thống đốc Ngân hàng "
    "Nhà nước Việt Nam; Lê Quốc Minh, Uỷ viên Trung ương Đảng, Tổng Biên tập Báo Nhân dân, Phó "
    "Trưởng Ban Tuyên giáo Trung ương, Chủ tịch Hội Nhà báo Việt Nam cùng các đồng chí Ủy viên "
    "Ban Thường vụ, Ủy viên Ban Chấp hành Đảng bộ Khối, lãnh đạo các vụ chức năng của Ban Dân "
    "vận Trung ương."
)


def test_attendee_list_gives_each_person_their_titles(make_report) -> None:
    people = people_of(make_report(ATTENDEE_LIST))
    assert list(people) == ["Phạm Tất Thắng", "Nguyễn Văn Thể", "Nguyễn Thị Hồng", "Lê Quốc Minh"]
    assert people["Lê Quốc Minh"].titles == [
        "Uỷ viên Trung ương Đảng",
        "Tổng Biên tập Báo Nhân dân",
        "Phó Trưởng Ban Tuyên giáo Trung ương",
        "Chủ tịch Hội Nhà báo Việt Nam",
    ]
    assert {p.role for p in people.values()} == {"attendee"}


def test_title_alone_resolves_to_the_person_and_makes_a_speaker(make_report) -> None:
    report = make_report(
        "Phát biểu khai mạc hội nghị, đồng chí Nguyễn Quang Trường, Phó Bí thư Đảng ủy Khối cho "
        "biết, trong 10 năm qua, công tác dân vận đã có những chuyển biến tích cực.",
        "Để tiếp tục đẩy mạnh việc thực hiện tốt các nội dung của Nghị quyết số 25-NQ/TW trong "
        "thời gian tới, đồng chí Phó Bí thư Đảng ủy Khối đề nghị các đồng chí đại biểu thảo luận.",
    )
    person = people_of(report)["Nguyễn Quang Trường"]
    assert person.role == "speaker"
    assert person.titles == ["Phó Bí thư Đảng ủy Khối"]
    assert mention_texts(report, person) == ["Nguyễn Quang Trường", "Phó Bí thư Đảng ủy Khối"]


def test_prime_minister_resolved_when_named_elsewhere(make_report) -> None:
    report = make_report(
        "Mặc dù có nhiều nỗ lực, nhưng vẫn còn gần 20 triệu người dân chưa tham gia bảo hiểm y tế, "
        "Thủ tướng Nguyễn Xuân Phúc bày tỏ.",
        "Thủ tướng Nguyễn Xuân Phúc, Phó Thủ tướng Vũ Đức Đam và các đại biểu tham dự lễ kỷ niệm.",
        "Theo Thủ tướng, để phát triển chính sách BHYT bền vững, cần tập trung thực hiện các giải "
        "pháp tăng độ bao phủ BHYT.",
    )
    people = people_of(report)
    assert mention_texts(report, people["Nguyễn Xuân Phúc"])[-1] == "Thủ tướng"
    assert people["Nguyễn Xuân Phúc"].role == "speaker"
    assert people["Vũ Đức Đam"].titles == ["Phó Thủ tướng"]
    assert people["Vũ Đức Đam"].role == "attendee"


def test_address_and_given_name_resolve(make_report) -> None:
    report = make_report(
        "Theo ông Thăng, nhu cầu NƠXH cho người lao động tại TP.HCM là hết sức cấp bách.",
        "Ông Đinh La Thăng hỏi thăm đời sống người lao động tại Khu NƠXH Becamex Hòa Lợi. Ảnh: "
        "Mai Xuân",
    )
    people = people_of(report)
    assert list(people) == ["Đinh La Thăng"]  # no "Mai Xuân": a photo credit
    assert mention_texts(report, people["Đinh La Thăng"]) == ["Thăng", "Đinh La Thăng"]
    assert people["Đinh La Thăng"].role == "speaker"


def test_dash_and_rank_introductions(make_report) -> None:
    report = make_report(
        "Về phía tỉnh Sóc Trăng có đồng chí Trần Văn Chuyện - Phó Bí thư Tỉnh ủy, Chủ tịch UBND "
        "tỉnh. Báo cáo với đồng chí Thứ trưởng và đoàn công tác, Đại tá Lê Minh Quang, Giám đốc "
        "Công an tỉnh Sóc Trăng cho biết, năm 2016, tình hình tiếp tục ổn định."
    )
    people = people_of(report)
    assert people["Trần Văn Chuyện"].titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    assert people["Trần Văn Chuyện"].role == "attendee"
    assert people["Lê Minh Quang"].titles == ["Đại tá", "Giám đốc Công an tỉnh Sóc Trăng"]
    assert people["Lê Minh Quang"].role == "speaker"


def test_theo_ong_reports_speech(make_report) -> None:
    report = make_report(
        "Theo ông Đinh Văn Thu, Chủ tịch UBND tỉnh Quảng Nam: Ngoài nỗ lực tuyên truyền mục đích, "
        "địa phương cũng huy động tối đa các nguồn lực.",
        "Nguyễn Sơn",
    )
    people = people_of(report)
    assert list(people) == ["Đinh Văn Thu"]  # the byline is no person
    assert people["Đinh Văn Thu"].role == "speaker"


def test_caption_only_speaker_and_people_visited(make_report) -> None:
    report = make_report(
        "Trước đó, Chủ tịch UBND tỉnh đã đến thăm hỏi, động viên bà Đinh Thị Kích (thương binh) và "
        "các hộ gia đình: Trần Hữu Mão (thân nhân liệt sĩ), Nguyễn Văn Hữu (hộ nghèo).",
        "Đồng chí Phạm Anh Tuấn thăm và tặng quà, chúc mừng hộ ông Nguyễn Văn Hữu đã xây dựng hoàn "
        "thành nhà ở mới. Ảnh: T.SỸ",
        "Thương binh Đinh Thị Kích bày tỏ vui mừng khi nhận được sự quan tâm của lãnh đạo tỉnh. "
        "Ảnh: T.SỸ",
        kinds=("paragraph", "caption", "caption"),
    )
    people = people_of(report)
    assert people["Đinh Thị Kích"].role == "speaker"
    assert same_title(people["Đinh Thị Kích"].titles[0], "Thương binh")
    assert people["Nguyễn Văn Hữu"].role == "attendee"


def test_chairing_is_not_speaking(make_report) -> None:
    report = make_report(
        "Tiếp tục phiên họp thứ 32, sáng 22.4, tại Nhà Quốc hội, dưới sự chủ trì của Ủy viên Bộ "
        "Chính trị, Chủ tịch Quốc hội Vương Đình Huệ, Ủy ban Thường vụ Quốc hội cho ý kiến về dự "
        "án Luật Quy hoạch đô thị và quy hoạch nông thôn."
    )
    assert people_of(report)["Vương Đình Huệ"].role == "attendee"


def test_group_title_over_a_list(make_report) -> None:
    report = make_report(
        "Dự Hội nghị tại điểm cầu Trung ương có Tổng Bí thư Tô Lâm; các Ủy viên Bộ Chính trị: Chủ "
        "tịch nước Lương Cường, Thủ tướng Chính phủ Phạm Minh Chính, Chủ tịch Quốc hội Trần Thanh "
        "Mẫn.",
        "Cùng dự có các đồng chí nguyên lãnh đạo Đảng, Nhà nước; Ủy viên Bộ Chính trị, Ủy viên Ban "
        "Bí thư, lãnh đạo các ban, bộ, ngành.",
    )
    people = people_of(report)
    assert people["Tô Lâm"].titles == ["Tổng Bí thư"]
    assert people["Lương Cường"].titles == ["Ủy viên Bộ Chính trị", "Chủ tịch nước"]
    assert people["Phạm Minh Chính"].titles == ["Ủy viên Bộ Chính trị", "Thủ tướng Chính phủ"]
    # "Ủy viên Bộ Chính trị" alone is one of many members: no mention of anyone
    assert mention_texts(report, people["Trần Thanh Mẫn"]) == ["Trần Thanh Mẫn"]


def test_generic_lower_case_title_is_not_a_reference(make_report) -> None:
    report = make_report(
        "Về thông tin có xe công của Sở Y tế Hà Nội được sử dụng để đi lễ, Giám đốc Sở Y tế Nguyễn "
        "Khắc Hiền cho biết, sở đã xác minh.",
        "Chủ tịch UBND TP yêu cầu Sở KH-ĐT thành lập tổ công tác do Giám đốc sở chủ trì.",
    )
    people = people_of(report)
    assert list(people) == ["Nguyễn Khắc Hiền"]  # and no person "Hà Nội"
    assert mention_texts(report, people["Nguyễn Khắc Hiền"]) == ["Nguyễn Khắc Hiền"]


def test_historical_figures_are_left_out(make_report) -> None:
    report = make_report(
        "Kế thừa và phát huy truyền thống đối ngoại vẻ vang của Dân tộc, nhất là tư tưởng của Chủ "
        "tịch Hồ Chí Minh, Tổng Bí thư Nguyễn Phú Trọng cho biết."
    )
    assert list(people_of(report)) == ["Nguyễn Phú Trọng"]


def test_organisation_with_a_comma_in_a_title(make_report) -> None:
    report = make_report(
        "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Văn Hùng cho biết, ngành đã hoàn thành."
    )
    person = people_of(report)["Nguyễn Văn Hùng"]
    assert person.titles == ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"]


def test_later_references_by_given_name_and_short_title(make_report) -> None:
    report = make_report(
        "Thẩm tra dự án luật, Chủ nhiệm Ủy ban Kinh tế của Quốc hội Vũ Hồng Thanh cho biết, cần "
        "kiên quyết xóa bỏ tư duy nhiệm kỳ.",
        "Về loại đô thị và cấp hành chính đô thị, ông Thanh đề nghị rà soát, nghiên cứu quy định.",
        "Chủ nhiệm Vũ Hồng Thanh cũng nêu rõ đề nghị rà soát các quy định cụ thể.",
    )
    person = people_of(report)["Vũ Hồng Thanh"]
    assert person.titles == ["Chủ nhiệm Ủy ban Kinh tế của Quốc hội"]  # "Chủ nhiệm" merged
    assert mention_texts(report, person) == ["Vũ Hồng Thanh", "Thanh", "Vũ Hồng Thanh"]
    assert person.role == "speaker"
