"""How Vietnamese reports say that someone spoke, and the small words around it.

Speech verbs follow the speaker ("đồng chí X, Bí thư ... cho biết", "ông Thăng băn khoăn"),
possibly after an adverb ("cũng nhấn mạnh", "đã gửi lời chúc mừng"). A sentence may also open
with the speech act and name the speaker after the first comma ("Phát biểu khai mạc hội nghị,
đồng chí X ...", "Thẩm tra dự án luật, Chủ nhiệm ... cho biết"). "Theo ông X, ..." reports his
words. Chairing ("chủ trì"), attending, handing over awards or visiting are not speech.
"""

from __future__ import annotations

from workbench.core.lexicon import Phrase
from workbench.core.tokens import Token, key_of, text_keys

_SPEECH_VERBS = (
    "phát biểu",
    "nhấn mạnh",
    "đề nghị",
    "yêu cầu",
    "cho biết",
    "cho hay",
    "cho rằng",
    "khẳng định",
    "nêu rõ",
    "nêu",
    "chỉ rõ",
    "chỉ ra",
    "bày tỏ",
    "chia sẻ",
    "trình bày",
    "báo cáo",
    "kết luận",
    "truyền đạt",
    "gửi lời",
    "nhận định",
    "nhận xét",
    "đánh giá",
    "phân tích",
    "lưu ý",
    "chỉ đạo",
    "biểu dương",
    "ghi nhận",
    "kiến nghị",
    "đề xuất",
    "nói",
    "thông tin",
    "thông báo",
    "giải thích",
    "giải trình",
    "tuyên bố",
    "nhắc nhở",
    "nhắc lại",
    "kêu gọi",
    "cảm ơn",
    "cám ơn",
    "chúc mừng",
    "mong muốn",
    "đề cập",
    "trả lời",
    "chất vấn",
    "thừa nhận",
    "lý giải",
    "tâm sự",
    "bộc bạch",
    "băn khoăn",
    "trăn trở",
    "hoan nghênh",
    "khen ngợi",
    "cam kết",
    "dặn dò",
    "căn dặn",
    "góp ý",
    "phản ánh",
    "cảnh báo",
    "đồng tình",
    "nhất trí",
    "điểm lại",
    "tiết lộ",
    "quán triệt",
    "khái quát",
    "đặt vấn đề",
    "nhắn nhủ",
    "động viên",
)

# Words that may stand between the speaker and the verb ("cũng nhấn mạnh").
_ADVERBS = frozenset(
    text_keys(
        "đã cũng tiếp tục vẫn còn lại thì đều luôn mới thêm một lần nữa sau đó đồng thời trực tiếp"
    )
)

# A sentence that opens with one of these names its speaker after the first comma.
_FRONTED = (
    "phát biểu",
    "kết luận",
    "báo cáo",
    "trình bày",
    "thẩm tra",
    "giải trình",
    "trả lời",
    "thảo luận",
    "cùng thảo luận",
    "chia sẻ",
    "nhấn mạnh",
    "nêu rõ",
    "đánh giá",
    "chỉ đạo",
    "tham luận",
    "góp ý",
)


def _index(phrases: tuple[str, ...]) -> dict[str, tuple[Phrase, ...]]:
    index: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        keys = text_keys(phrase)
        index.setdefault(keys[0], []).append(keys)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


_VERB_INDEX = _index(_SPEECH_VERBS)
_THEO = key_of("theo")
_FRONTED_INDEX = _index(_FRONTED)


def _phrase_at(tokens: list[Token], i: int, index: dict[str, tuple[Phrase, ...]]) -> int:
    if i >= len(tokens):
        return 0
    for phrase in index.get(tokens[i].key, ()):
        end = i + len(phrase)
        if end <= len(tokens) and all(tokens[i + k].key == key for k, key in enumerate(phrase)):
            return len(phrase)
    return 0


def speech_verb_at(tokens: list[Token], i: int) -> int:
    """The length in tokens of the speech verb starting at ``tokens[i]``, 0 if none."""
    return _phrase_at(tokens, i, _VERB_INDEX)


def speaks_after(tokens: list[Token], i: int) -> bool:
    """Whether a speech verb follows position ``i`` (after a comma, an aside, adverbs)."""
    n = len(tokens)
    if i < n and tokens[i].text == ",":
        i += 1
    if i < n and tokens[i].text == "(":
        close = next((k for k in range(i, min(n, i + 15)) if tokens[k].text == ")"), None)
        i = close + 1 if close is not None else i
    if i < n and tokens[i].text == ":":
        return i + 1 < n and tokens[i + 1].text in "\"“'‘"
    for _ in range(4):
        if i < n and tokens[i].key in _ADVERBS and tokens[i].lower:
            i += 1
    return i < n and tokens[i].lower and speech_verb_at(tokens, i) > 0


def opens_with_speech(tokens: list[Token], sentence_start: int) -> bool:
    """Whether the sentence starting at ``sentence_start`` opens with a speech act + comma."""
    return _phrase_at(tokens, sentence_start, _FRONTED_INDEX) > 0


def reported_by_theo(tokens: list[Token], left: int) -> bool:
    """Whether the mention starting at ``left`` follows "Theo" that opens a clause."""
    if left < 1 or tokens[left - 1].key != _THEO:
        return False
    if left < 2:
        return True
    before = tokens[left - 2]
    return not before.word
