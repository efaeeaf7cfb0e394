"""Cited documents: codes, bare numbers, dates, issuers, references back."""

from __future__ import annotations

from workbench.core.documents import find_documents

DATELINE_000 = (
    "Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối các cơ quan Trung ương tổ chức hội nghị tổng kết 10 "
    "năm thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa "
    "XI và 05 năm thực hiện Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư về tiếp tục thực "
    "hiện Nghị quyết số 25-NQ/TW về “Tăng cường và đổi mới sự lãnh đạo của Đảng”."
)


def test_party_documents_with_date_and_issuer() -> None:
    docs = find_documents(DATELINE_000)
    assert [(d.kind, d.number, d.date, d.issuer) for d in docs] == [
        ("Nghị quyết", "25-NQ/TW", "2013-06-03", "Ban Chấp hành Trung ương Đảng khóa XI"),
        ("Kết luận", "43-KL/TW", "2019-01-07", "Ban Bí thư"),
    ]
    assert [DATELINE_000[m.start : m.end] for m in docs[0].mentions] == [
        "Nghị quyết số 25-NQ/TW",
        "Nghị quyết số 25-NQ/TW",
    ]


def test_odd_spacing_and_lower_case_kind() -> None:
    text = "Thực hiện tốt nghị quyết số 35- NQ/TW bộ chính trị về tăng cường bảo vệ nền tảng."
    (doc,) = find_documents(text)
    assert (doc.kind, doc.number, doc.issuer) == ("Nghị quyết", "35-NQ/TW", "Bộ Chính trị")


def test_bare_number_and_reference_back() -> None:
    text = (
        "Chỉ thị số 45-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp và Kết luận số 118-KL/TW "
        "ngày 18/01/2025 của Bộ Chính trị khóa XIII. Cần tổ chức Đại hội theo đúng tinh thần Chỉ "
        "thị 45 của Bộ Chính trị."
    )
    docs = find_documents(text)
    assert [(d.number, d.date, len(d.mentions)) for d in docs] == [
        ("45-CT/TW", None, 2),
        ("118-KL/TW", "2025-01-18", 1),
    ]
    assert docs[1].issuer == "Bộ Chính trị khóa XIII"


def test_bare_numbered_directive() -> None:
    text = (
        "Thực hiện nghiêm túc Nghị quyết Trung ương 4 (Khóa XII), về tăng cường xây dựng, chỉnh "
        "đốn Đảng; Chỉ thị 05 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng."
    )
    (doc,) = find_documents(text)  # "Nghị quyết Trung ương 4" has no number: no document
    assert (doc.kind, doc.number, doc.issuer) == ("Chỉ thị", "05", "Bộ Chính trị")


def test_government_codes_and_issuer_from_the_code() -> None:
    text = "Nghị quyết 792/NQ-UBTVQH14 và Quyết định 58/2016/QĐ-TTg đã được ban hành."
    docs = find_documents(text)
    assert [(d.number, d.issuer) for d in docs] == [
        ("792/NQ-UBTVQH14", "Ủy ban Thường vụ Quốc hội"),
        ("58/2016/QĐ-TTg", "Thủ tướng Chính phủ"),
    ]


def test_counts_and_unnumbered_laws_are_no_documents() -> None:
    text = (
        "Tổng Bí thư yêu cầu triển khai 3 yêu cầu chung. Kết luận 3 nội dung lớn. Năm 2008, lần "
        "đầu tiên Luật BHYT được ban hành; báo cáo 5 năm thực hiện chiến lược."
    )
    assert find_documents(text) == []
