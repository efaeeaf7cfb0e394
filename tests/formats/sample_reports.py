"""Reports for the export tests: the real report 000 of the shared corpus, and a small one.

Report 000 is built from ``corpus/structure/000.json`` (its exact cleaned blocks) with the
analysis the gold annotation gives (speakers, documents), as the extraction would hand it over.
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.core.analysis import analyse
from workbench.core.layout import ExportSettings
from workbench.core.models import Analysis, DocumentRef, KeyTask, Person, Report, place_blocks
from workbench.core.structure import build_report
from workbench.formats.text import read_text

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def report_000() -> Report:
    """The conference report 000 with its speakers, key tasks and cited documents."""
    data = json.loads((CORPUS / "structure" / "000.json").read_text(encoding="utf-8"))
    gold = json.loads((CORPUS / "gold" / "000.json").read_text(encoding="utf-8"))
    blocks = place_blocks([(b["kind"], b["text"]) for b in data["blocks"]])
    people = [Person(p["name"], p["titles"], "speaker") for p in gold["speakers"]]
    people += [Person(p["name"], p["titles"], "attendee") for p in gold["attendees_only"]]
    tasks = [
        KeyTask(i, b.text.split(",")[0], b.text, b.start, b.end)
        for i, b in enumerate((b for b in blocks if b.kind == "list_item"), 1)
    ]
    documents = [
        DocumentRef(
            "Nghị quyết", "25-NQ/TW", "2013-06-03", "Ban Chấp hành Trung ương Đảng khóa XI"
        ),
        DocumentRef("Kết luận", "43-KL/TW", "2019-01-07", "Ban Bí thư"),
        DocumentRef("Nghị quyết", "25-NQ/TW"),  # a later mention: listed once
    ]
    return Report(
        title=data["title"],
        blocks=blocks,
        published_at=data["published_at"],
        event_date=data["event_date"],
        place=data["place"],
        author=data["author"],
        source=data["source"],
        analysis=Analysis(people=people, key_tasks=tasks, documents=documents),
    )


def small_report() -> Report:
    """A short second report: no event date (the published date is used), a heading, a task."""
    return Report(
        title="Hội nghị giao ban công tác tuyên truyền tháng 01/2020",
        blocks=place_blocks(
            [
                ("paragraph", "Sáng 05/01, Ban Tuyên giáo tổ chức hội nghị giao ban tháng 01."),
                ("heading", "Nhiệm vụ tháng tới"),
                ("list_item", "Thứ nhất, hoàn thành báo cáo tổng kết năm."),
                ("paragraph", "Chi tiết xem tại https://example.vn/bai-viet (địa chỉ để đọc)."),
            ]
        ),
        published_at="2020-01-05T08:30",
        place="Đà Nẵng",
        source="tuyengiao.example.vn",
        analysis=Analysis(people=[Person("Trần Thị B", ["Trưởng ban"], "speaker")]),
    )


def office(layout: str = "government", **changes: object) -> ExportSettings:
    """The settings of a fictional press office of a Party committee."""
    values: dict[str, object] = {
        "parent_body": "Đảng bộ Khối các cơ quan Trung ương",
        "issuing_body": "Đảng ủy Khối các cơ quan Trung ương",
        "abbreviation": "ĐUK",
        "place": "Hà Nội",
        "layout": layout,
        "contact_lines": ["Văn phòng Đảng ủy Khối, số 1 phố Ví Dụ", "Điện thoại: 024 0000 0000"],
        "bulletin_name": "Thông tin Dân vận",
        "licence_number": "12/GP-XBBT",
        "licence_date": "2023-01-05",
        "licence_issuer": "Cục Báo chí",
        "frequency": "hằng tháng",
        "printer": "Công ty In Ví Dụ",
        "print_run": 500,
        "person_responsible": "Nguyễn Văn C",
    }
    values.update(changes)
    return ExportSettings(**values)  # type: ignore[arg-type]


#: Corpus reports that, with report 000, make a five-report bulletin.
BULLETIN_RAW = ("001.txt", "002.txt", "004.txt", "009.txt")


def five_reports() -> list[Report]:
    """Report 000 and four raw corpus reports as the program imports and analyses them."""
    reports = [report_000()]
    for name in BULLETIN_RAW:
        report = build_report(read_text((CORPUS / "raw" / name).read_bytes(), name))
        report.analysis = analyse(report)
        reports.append(report)
    return reports
