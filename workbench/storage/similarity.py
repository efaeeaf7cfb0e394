"""Near-duplicate detection: 5-word shingles of the folded text and a bottom-k sketch.

A report's sketch is the ``SKETCH_SIZE`` smallest 32-bit hashes of its shingles (256 bytes,
stored with the report). Two sketches estimate the Jaccard similarity of the shingle sets
without reading either text; only the few candidates whose estimate is close are compared
exactly. Hashes are blake2b, so sketches are the same in every process and every version.
"""

from __future__ import annotations

import hashlib
import heapq
import struct

from workbench.core.fold import fold_letters, words

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
_PACK = struct.Struct(f"<{SKETCH_SIZE}I")


def shingles(text: str) -> set[int]:
    """32-bit hashes of the runs of ``SHINGLE_WORDS`` folded words in ``text``.

    A text shorter than that gives one shingle of all its words (none if it has no words).
    """
    tokens = words(fold_letters(text).lower())
    if len(tokens) < SHINGLE_WORDS:
        return {_hash(" ".join(tokens))} if tokens else set()
    return {
        _hash(" ".join(tokens[i : i + SHINGLE_WORDS]))
        for i in range(len(tokens) - SHINGLE_WORDS + 1)
    }


def _hash(shingle: str) -> int:
    digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "little")


def sketch(text: str | set[int]) -> bytes:
    """The bottom-k sketch of a text (or of its ``shingles``) as bytes (empty without words)."""
    smallest = heapq.nsmallest(SKETCH_SIZE, shingles(text) if isinstance(text, str) else text)
    if len(smallest) < SKETCH_SIZE:
        return struct.pack(f"<{len(smallest)}I", *smallest)
    return _PACK.pack(*smallest)


def _unpack(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 4}I", data))


def estimate(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two sketches (0.0 to 1.0)."""
    first, second = set(_unpack(a)), set(_unpack(b))
    if not first or not second:
        return 0.0
    k = min(SKETCH_SIZE, len(first | second))
    union_smallest = heapq.nsmallest(k, first | second)
    both = sum(1 for value in union_smallest if value in first and value in second)
    return both / k


def jaccard(text_a: str | set[int], text_b: str | set[int]) -> float:
    """Exact Jaccard similarity of the shingle sets of two texts (0.0 to 1.0).

    Either text may be given as its ``shingles`` already.
    """
    first = shingles(text_a) if isinstance(text_a, str) else text_a
    second = shingles(text_b) if isinstance(text_b, str) else text_b
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
