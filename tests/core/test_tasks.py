"""Key tasks: enumerated directives, in blocks or flattened, and lists that are not tasks."""

from __future__ import annotations

from workbench.core.tasks import find_lists, find_tasks, is_task_list

INTRO_000 = (
    "Đồng thời, Đồng chí Bí thư Đảng ủy Khối đề nghị cấp ủy các cấp và đội ngũ làm công tác dân "
    "vận trong thời gian tới cần phải tiếp tục nghiên cứu, đề xuất, tham mưu, thực hiện một cách "
    "nghiêm túc và hiệu quả một số nội dung trọng tâm sau:"
)
ITEMS_000 = (
    "Một là, tiếp tục triển khai thực hiện nghiêm túc, hiệu quả các quan điểm, mục tiêu, nhiệm vụ "
    "và giải pháp theo tinh thần Nghị quyết số 25-NQ/TW, Kết luận số 43-KL/TW. Phối hợp với đảng "
    "đoàn, ban cán sự đảng, lãnh đạo cơ quan, đơn vị tiếp tục nâng cao chất lượng.",
    "Hai là, thường xuyên nâng cao nhận thức cho cán bộ, đảng viên, đoàn viên, hội viên và người "
    "lao động về tầm quan trọng của công tác dân vận, nhất là trong giai đoạn hiện nay.",
    "Ba là, tiếp tục đẩy mạnh các phong trào thi đua yêu nước, xây dựng và nhân rộng nhiều hơn "
    'nữa các mô hình "Dân vận khéo".',
)


def test_items_in_their_own_blocks(make_report) -> None:
    report = make_report(INTRO_000, *ITEMS_000, kinds=("paragraph",) + ("list_item",) * 3)
    tasks = find_tasks(report.blocks, report.text, lambda start, end: "Nguyễn Văn Thể")
    assert [(t.ordinal, t.marker) for t in tasks] == [(1, "Một là"), (2, "Hai là"), (3, "Ba là")]
    assert [t.text for t in tasks] == list(ITEMS_000)  # the whole item, marker included
    assert {t.speaker for t in tasks} == {"Nguyễn Văn Thể"}
    for task, block in zip(tasks, report.blocks[1:], strict=True):
        assert (task.start, task.end) == (block.start, block.end)


def test_flattened_list_without_comma_after_mot_la(make_report) -> None:
    flat = (
        "Thủ tướng đề nghị các bộ, ngành, các cấp ủy đảng, chính quyền địa phương quán triệt sâu "
        "sắc về vai trò quan trọng của BHYT, tập trung thực hiện một số giải pháp. Một là tiếp tục "
        "hoàn thiện pháp luật, cơ chế chính sách về BHYT. Hai là, đẩy mạnh cải cách hành chính, "
        "tạo thuận lợi cho người dân tiếp cận với BHYT. Ba là, xây dựng chế tài chặt chẽ để yêu "
        "cầu các doanh nghiệp phải đóng BHYT theo Luật BHYT. Các bác sĩ, bệnh nhân chia sẻ về lợi "
        "ích của bảo hiểm y tế. Ảnh: VGP/Quang Hiếu"
    )
    report = make_report(flat)
    spoken = []
    tasks = find_tasks(report.blocks, report.text, lambda s, e: spoken.append(report.text[s:e]))
    assert [t.text for t in tasks] == [
        "Một là tiếp tục hoàn thiện pháp luật, cơ chế chính sách về BHYT.",
        "Hai là, đẩy mạnh cải cách hành chính, tạo thuận lợi cho người dân tiếp cận với BHYT.",
        "Ba là, xây dựng chế tài chặt chẽ để yêu cầu các doanh nghiệp phải đóng BHYT theo Luật "
        "BHYT.",
    ]
    assert spoken[0].startswith("Thủ tướng đề nghị") and spoken[0].endswith("một số giải pháp.")


def test_thu_nhat_with_a_soft_hyphen(make_report) -> None:
    report = make_report(
        "Thứ trưởng yêu cầu đội ngũ báo chí ngành Tài chính cần bám sát và thực hiện hiệu quả 05 "
        "nhiệm vụ trọng tâm, cụ thể: Thứ nhất, tiếp tục phát huy những kết quả đạt được. Thứ hai, "
        "tiếp tục nâng cao tính chủ động.  Thứ ba, tổ chức tốt việc tuyên truyền điển hình. Thứ "
        "tư,\u00ad các đơn vị thuộc Bộ Tài chính tích cực thực hiện xây dựng kế hoạch."
    )
    tasks = find_tasks(report.blocks, report.text)
    assert [t.marker for t in tasks] == ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư"]
    assert tasks[3].text.startswith("Thứ tư,\u00ad các đơn vị")
    assert [report.text[t.start : t.end] for t in tasks][1] == (
        "Thứ hai, tiếp tục nâng cao tính chủ động."
    )


def test_dash_items_after_a_solutions_intro(make_report) -> None:
    report = make_report(
        "Theo đó, Ủy ban Thường vụ Quốc hội yêu cầu Chính phủ tập trung thực hiện 6 giải pháp sau:",
        "– Rà soát, đánh giá hiệu quả hoạt động của các Quỹ tài chính ngoài ngân sách.",
        "– Xây dựng cơ sở pháp lý để thống nhất quản lý các Quỹ này.",
        kinds=("paragraph", "list_item", "list_item"),
    )
    tasks = find_tasks(report.blocks, report.text)
    assert [(t.ordinal, t.marker, t.text) for t in tasks] == [
        (1, "–", "Rà soát, đánh giá hiệu quả hoạt động của các Quỹ tài chính ngoài ngân sách."),
        (2, "–", "Xây dựng cơ sở pháp lý để thống nhất quản lý các Quỹ này."),
    ]


def test_policies_of_a_draft_law_are_no_tasks(make_report) -> None:
    report = make_report(
        "Bộ trưởng Nguyễn Thanh Nghị đề cập 3 chính sách lớn tại dự thảo, gồm:",
        "- Hoàn thiện các quy định về hệ thống quy hoạch đô thị và nông thôn.",
        "- Hoàn thiện các quy định về lập, thẩm định, phê duyệt quy hoạch đô thị và nông thôn.",
    )
    assert len(find_lists(report.blocks)) == 1
    assert find_tasks(report.blocks, report.text) == []


def test_numbered_lessons_are_no_tasks_but_numbered_directives_are() -> None:
    assert not is_task_list("Hội nghị đã rút ra 4 bài học kinh nghiệm:", ["1. Kiên định", "2. Ta"])
    assert is_task_list(
        "đề nghị các sở, ngành thực hiện tốt các nhiệm vụ sau:", ["1. Tăng cường", "2. Đẩy mạnh"]
    )
    assert is_task_list(None, ["Tăng cường kiểm tra.", "Đẩy mạnh cải cách."])
    assert not is_task_list(None, ["Tăng trưởng đạt 7%.", "Thu ngân sách vượt dự toán."])


def test_inline_semicolon_list_is_not_enumerated(make_report) -> None:
    report = make_report(
        "Đồng thời, đồng chí cũng yêu cầu trong năm tới, cần tập trung thực hiện tốt một số nhiệm "
        "vụ như: Tập trung tuyên truyền trên mạng xã hội; Tăng cường nắm bắt tình hình, tư tưởng; "
        "Tập trung xây dựng lực lượng tuyên truyền có chất lượng."
    )
    assert find_tasks(report.blocks, report.text) == []


def test_a_weekday_is_no_ordinal(make_report) -> None:
    report = make_report("PHẠM ĐÔNG - Thứ hai, 22/04/2024 10:27 (GMT+7)")
    assert find_lists(report.blocks) == []
