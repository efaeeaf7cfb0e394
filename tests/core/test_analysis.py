"""The whole analysis on real reports: report 000 in detail, spans, JSON, speed."""

from __future__ import annotations

import json
import unicodedata

import pytest

from workbench.core.analysis import analyse
from workbench.core.models import Report, analysis_to_dict, place_blocks
from workbench.core.tokens import text_keys


@pytest.fixture(scope="module")
def report_000(corpus_report) -> Report:
    return corpus_report("000")


@pytest.fixture(scope="module")
def analysis_000(report_000):
    return analyse(report_000)


def test_000_speakers_and_attendees(analysis_000) -> None:
    roles = {p.name: p.role for p in analysis_000.people}
    speakers = {name for name, role in roles.items() if role == "speaker"}
    attendees = {name for name, role in roles.items() if role == "attendee"}
    assert speakers == {"Nguyễn Quang Trường", "Phạm Tất Thắng", "Nguyễn Văn Thể"}
    assert attendees == {"Nguyễn Thị Hồng", "Lê Quốc Minh"}
    titles = {p.name: p.titles for p in analysis_000.people}
    assert len(titles["Lê Quốc Minh"]) == 4
    assert titles["Nguyễn Văn Thể"] == [
        "Ủy viên Ban Chấp hành Trung ương Đảng",
        "Bí thư Đảng ủy Khối các cơ quan Trung ương",
    ]


def test_000_title_only_mentions_are_resolved(report_000, analysis_000) -> None:
    texts = {
        p.name: [report_000.text[m.start : m.end] for m in p.mentions] for p in analysis_000.people
    }
    assert "Phó Bí thư Đảng ủy Khối" in texts["Nguyễn Quang Trường"]
    assert "Bí thư Đảng ủy Khối" in texts["Nguyễn Văn Thể"]
    assert "Phó Trưởng Ban Thường trực Ban Dân vận Trung ương" in texts["Phạm Tất Thắng"]


def test_000_key_tasks(report_000, analysis_000) -> None:
    tasks = analysis_000.key_tasks
    assert [t.marker for t in tasks] == ["Một là", "Hai là", "Ba là", "Bốn là", "Năm là"]
    assert [t.ordinal for t in tasks] == [1, 2, 3, 4, 5]
    assert {t.speaker for t in tasks} == {"Nguyễn Văn Thể"}
    for task in tasks:
        assert report_000.text[task.start : task.end] == task.text


def test_000_documents(analysis_000) -> None:
    docs = [(d.number, d.date) for d in analysis_000.documents]
    assert docs == [("25-NQ/TW", "2013-06-03"), ("43-KL/TW", "2019-01-07")]


def test_spans_point_into_the_text(corpus, corpus_report) -> None:
    for corpus_id in corpus.ids:
        report = corpus_report(corpus_id)
        text = report.text
        analysis = analyse(report)
        for person in analysis.people:
            assert unicodedata.is_normalized("NFC", person.name)
            assert person.mentions, person.name
            for span in person.mentions:
                assert 0 <= span.start < span.end <= len(text)
                if text_keys(text[span.start : span.end]) == text_keys(person.name):
                    continue
                assert text[span.start].isupper(), (corpus_id, text[span.start : span.end])
        for doc in analysis.documents:
            for span in doc.mentions:
                assert doc.number.split("/")[0].split("-")[0] in text[span.start : span.end]


def test_json_shape(analysis_000) -> None:
    data = json.loads(json.dumps(analysis_to_dict(analysis_000), ensure_ascii=False))
    assert set(data) == {"people", "key_tasks", "documents"}
    assert set(data["people"][0]) == {"name", "titles", "role", "mentions"}
    assert set(data["people"][0]["mentions"][0]) == {"start", "end"}
    assert set(data["key_tasks"][0]) == {"ordinal", "marker", "text", "speaker", "start", "end"}
    assert set(data["documents"][0]) == {"kind", "number", "date", "issuer", "mentions"}


def test_empty_and_odd_reports() -> None:
    assert analysis_to_dict(analyse(Report(title=None, blocks=[]))) == {
        "people": [],
        "key_tasks": [],
        "documents": [],
    }
    odd = Report(title=None, blocks=place_blocks([("paragraph", "- ; : Một là, Thứ nhất ( “")]))
    analyse(odd)
