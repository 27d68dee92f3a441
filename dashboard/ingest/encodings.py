"""Which encoding a text file is in: BOMs, UTF-16 without one, GBK / GB18030 or UTF-8, mixed lines."""

from __future__ import annotations

import codecs
import functools
import io
import re
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .raw import ReadError

# A UTF-32 BOM starts like a UTF-16 one, so the longer marks are tried first.
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"), (b"\xff\xfe", "utf-16-le", "utf-16"), (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
_MAX_BAD_CHARS = 0.001      # undecodable characters tolerated (replaced, with a warning): 1 in 1,000
# How an encoding is named to a person: Python's codec names (utf-8-sig, utf_16_le, cp1252, latin_1) are what
# the reader and --json's "encoding" field carry; messages and the upload page say the names editors show.
_NAMES = {"utf_8": "UTF-8", "utf_8_sig": "UTF-8 BOM", "utf_16": "UTF-16", "utf_16_le": "UTF-16 LE",
          "utf_16_be": "UTF-16 BE", "utf_32": "UTF-32", "utf_32_le": "UTF-32 LE", "utf_32_be": "UTF-32 BE",
          "gbk": "GBK", "gb18030": "GB18030", "gb2312": "GB2312", "big5": "Big5", "big5hkscs": "Big5-HKSCS",
          "shift_jis": "Shift_JIS", "cp932": "Shift_JIS (Windows-31J)", "euc_jp": "EUC-JP", "euc_kr": "EUC-KR",
          "cp949": "EUC-KR (CP949)", "iso8859_1": "ISO-8859-1 (Latin-1)", "mac_roman": "Mac OS Roman",
          "koi8_r": "KOI8-R", "ascii": "ASCII", "hz": "HZ-GB-2312", "iso2022_jp": "ISO-2022-JP",
          "iso2022_kr": "ISO-2022-KR"}


def display_name(encoding: object) -> object:
    """An encoding as editors name it (``cp1252`` → Windows-1252, ``utf-8-sig`` → UTF-8 BOM, ``iso8859-2`` →
    ISO-8859-2); anything that is not a codec name (a dash, a number) is returned as it is."""
    if not isinstance(encoding, str) or not encoding:
        return encoding
    if "+" in encoding:  # a file of two encodings, line by line (gbk+utf-8: the majority first)
        return " + ".join(str(display_name(part)) for part in encoding.split("+"))
    try:
        name = codecs.lookup(encoding).name.replace("-", "_")
    except LookupError:
        return encoding
    if name in _NAMES:
        return _NAMES[name]
    if m := re.fullmatch(r"cp(125\d)", name):
        return f"Windows-{m.group(1)}"
    if m := re.fullmatch(r"iso8859_(\d+)", name):
        return f"ISO-8859-{m.group(1)}"
    return name.replace("_", "-").upper()


def decode(data: bytes, warnings: list[tuple[str, dict]] | None = None) -> tuple[str, str]:
    """Text and the encoding it was in; refuses binary files with :class:`ReadError`.

    Repairs what can be repaired and says so in ``warnings`` (code, values): a BOM that contradicts
    the bytes, a few undecodable bytes (an odd-length UTF-16 file), NUL bytes, lines in another
    encoding than the rest."""
    said = warnings if warnings is not None else []
    text, label = _decode(data, said)
    _refuse_foreign(text, label)
    text = _unicode_line_ends(text)
    if "\ufeff" in text:
        # Byte-order marks inside the text (files joined end to end, each with its own): no character of the
        # table; left in, a repeated header was no header and a first cell unlike its column.
        line = text[:text.index("\ufeff")].count("\n") + 1
        said.append(("bom_inside", {"count": text.count("\ufeff"), "line": line}))
        text = text.replace("\ufeff", "")
    return text, label


def _decode(data: bytes, said: list[tuple[str, dict]]) -> tuple[str, str]:
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            text = _decode_checked(data[len(bom):], encoding, said)
            if text is not None:
                return text, label
            try:
                text, found = _detect(data[len(bom):], said)
            except ReadError:
                raise ReadError("bom_unreadable", bom=label) from None
            said.append(("bom_mismatch", {"bom": label, "encoding": found}))
            return text, found
    return _detect(data, said)


def _detect(data: bytes, said: list[tuple[str, dict]]) -> tuple[str, str]:
    """The encoding of a file without a (believable) byte-order mark."""
    head = data[:4096]
    # UTF-32 / UTF-16 without a BOM: ASCII text has zero bytes in a regular pattern (and Chinese text
    # in UTF-16 has few, but those few all at odd offsets (little-endian) or all at even ones).
    for encoding in _wide_candidates(head):
        text = _decode_checked(data, encoding, said)
        if text is not None:
            return text, encoding
    nuls = data.count(0)
    if nuls:
        # NULs padding the end (a file preallocated or cut short on a share) are no binary content
        padded = len(data) - len(data.rstrip(b"\x00"))
        if nuls - padded > (len(data) - padded) // 4 or padded == len(data):
            raise ReadError("file_binary")
        first = data[:data.index(0)].count(b"\n") + 1
        said.append(("nul_stripped", {"count": nuls, "line": first}))
        data = data.replace(b"\x00", b"")
    try:
        text = data.decode("utf-8") if not _surely_not_utf8(data) else None
    except UnicodeDecodeError:
        text = None
    if text is not None:
        seven = _seven_bit(text, said) if text.isascii() else None
        if seven is not None:
            return seven
        if not _looks_like_text(text):
            raise ReadError("file_binary")
        return text, "utf-8"
    # Windows-1252's smart quotes and dashes (bytes 91-97, from a Western editor or Word) in a UTF-8 or GBK
    # file: in GBK each pairs with the next byte into a rare character (苏州“晶圆” read as 苏州摼г眬).
    marks = _has_mark_bytes(data)
    marked = _utf8_marks(data, said) if marks else None
    if marked is not None:
        return marked
    # Whether lines are in two encodings is worked out (mostly by NumPy, without the interpreter) in a
    # thread while this one decodes the file as GBK, what it usually is.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="encoding-lines") as side:
        two = side.submit(_utf8_and_other_lines, data)
        text, gbk = _gbk(data)
        mixed = _mixed_lines(data, said) if two.result() else None
    if text is not None:  # Korean or Japanese text GBK reads without an error (as noise): refused, saying so
        _refuse_other_cjk(data, text)
    if mixed is not None:
        return mixed
    marked = _gbk_marks(data, text, said) if marks else None
    if marked is not None:
        return marked
    if text is not None and _chinese_pairs(data) and _looks_like_text(text):
        return text, "gbk" if gbk else "gb18030"
    # UTF-8 Chinese with a few damaged bytes (a cut-off character, a stray byte): read with them
    # replaced, and said, rather than refused as binary or read in a wrong encoding.
    damaged = _utf8_damaged(data, said)
    if damaged is not None:
        return damaged, "utf-8"
    western = _western(data)
    if western is not None:
        said.append(("encoding_guessed", {"encoding": western[1]}))
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ReadError("file_binary")
    text = data.decode(best.encoding, errors="replace")
    if not _looks_like_text(text) or not _plausible_table(text):
        raise ReadError("file_binary")
    said.append(("encoding_guessed", {"encoding": best.encoding}))
    return text, best.encoding


def _surely_not_utf8(data: bytes) -> bool:
    """Whether the bytes' first 64 KB already hold a sequence UTF-8 never has (not a character the cut split): then
    the whole is no UTF-8 either, seen without decoding it (a 12 MB GBK file took 10 ms to fail)."""
    try:
        data[:1 << 16].decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason != "unexpected end of data"
    return False


# Windows-1252's punctuation at bytes 91-97: ‘ ’ “ ” • – —. Word and Western editors write them for
# quotes and dashes; pasted into a GBK (or UTF-8) file they stay single bytes.
_MARKS = {0x91: "\u2018", 0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013",
          0x97: "\u2014"}
_MARK_BYTES = re.compile(rb"[\x91-\x97]")
_MAX_MARK_LINES = 10_000   # lines looked at one by one; past it the file is read as before


def _has_mark_bytes(data: bytes) -> bool:
    """Whether any byte is 91-97 (NumPy: a regex over a 12 MB file took 45 ms)."""
    b = np.frombuffer(data, dtype=np.uint8)
    return bool(((b >= 0x91) & (b <= 0x97)).any())


def _as_mark(error: UnicodeDecodeError) -> tuple[str, int]:
    """A codecs error handler: a byte 91-97 that is not UTF-8 read as Windows-1252's mark."""
    byte = error.object[error.start]
    if byte not in _MARKS:
        raise error
    return _MARKS[byte], error.start + 1


codecs.register_error("sei-cp1252-marks", _as_mark)


def _utf8_marks(data: bytes, said: list[tuple[str, dict]]) -> tuple[str, str] | None:
    """A UTF-8 file holding Windows-1252 quotes and dashes (bytes 91-97, each not UTF-8): read with them as
    those marks and said by line (the reader turns the lines into cells); None when some other byte is not
    UTF-8."""
    try:
        text = data.decode("utf-8", errors="sei-cp1252-marks")
    except UnicodeDecodeError:
        return None
    if not _CJK.search(text[:200_000]) or not _looks_like_text(text):
        return None
    lines = [i + 1 for i, line in enumerate(data.split(b"\n")) if _MARK_BYTES.search(line) and not _utf8_line(line)]
    count = sum(data.split(b"\n")[i - 1].decode("utf-8", errors="replace").count("\ufffd") for i in lines)
    said.append(("cp1252_marks", {"count": count, "encoding": "UTF-8", "lines": _line_list(lines),
                                  "line_numbers": lines}))
    return text, "utf-8"


@functools.cache
def _mark_pairs() -> np.ndarray:
    """For each code point of the Basic Multilingual Plane, whether its GBK bytes start with 91-97: the rare
    characters a mark and the byte after it pair into."""
    table = np.zeros(0x10000, dtype=bool)
    for lead in _MARKS:
        for trail in range(0x40, 0xFF):
            try:
                table[ord(bytes((lead, trail)).decode("gbk"))] = True
            except UnicodeDecodeError:
                continue
    return table


def _gbk_marks(data: bytes, whole: str | None, said: list[tuple[str, dict]]) -> tuple[str, str] | None:
    """A GBK file holding Windows-1252 quotes and dashes (bytes 91-97), each paired with the next byte into a
    rare character (苏州“晶圆” read as 苏州摼г眬) or, before an ASCII byte, making the file undecodable.
    Each line that has such characters (or does not decode) is read with the bytes as the marks when that
    reading is unambiguous (the line then holds only common characters: ASCII, GB2312 and the marks, quotes
    in pairs) and the GBK one is not; said by line (the reader turns the lines into cells). A line where
    neither reading is clearly right keeps the GBK one, said as a line to check. None when the file has no
    such characters (the usual case: it is read as before). ``whole``: the file decoded as GBK, if it is."""
    byte_lines = data.split(b"\n")  # a line break is never inside a GBK character
    if whole is not None:
        codes = np.frombuffer(whole.encode("utf-32-le"), dtype=np.uint32)
        odd = _mark_pairs()[np.minimum(codes, 0xFFFF)] & (codes < 0x10000)
        if not odd.any():
            return None
        breaks = np.flatnonzero(codes == 0x0A)
        candidates = sorted(set(np.searchsorted(breaks, np.flatnonzero(odd)).tolist()))
        text_lines: list[str | None] = list(whole.split("\n"))
    else:
        text_lines = []
        for line in byte_lines:
            try:
                text_lines.append(line.decode("gb18030"))
            except UnicodeDecodeError:
                text_lines.append(None)
        table = _mark_pairs()
        candidates = [i for i, line in enumerate(text_lines)
                      if line is None or any(ord(c) < 0x10000 and table[ord(c)] for c in line)]
    if not candidates or len(candidates) > _MAX_MARK_LINES:
        return None
    repaired, unsure = [], []
    for i in candidates:
        marked = _read_marks(byte_lines[i])
        gbk = text_lines[i]
        possible = marked is not None and _paired(byte_lines[i]) and _plausible(marked)
        if marked is not None and (gbk is None or (possible and _common(marked) and not _common(gbk))):
            text_lines[i] = marked
            repaired.append(i + 1)
        elif gbk is None:
            return None
        elif possible and _obscure(gbk):
            # Both readings possible and the GBK one holds a character no text is known to use (not a
            # traditional form: 東 會 數 are GBK's 96 7C, 95 FE, 94 B5, and real names' 昇 旻 read as •N •F).
            unsure.append(i + 1)
    text = "\n".join(line or "" for line in text_lines)
    if not _CJK.search(text[:200_000]) or not _looks_like_text(text):
        return None
    if repaired:
        said.append(("cp1252_marks", {"count": sum(_count_marks(byte_lines[i - 1]) for i in repaired),
                                      "encoding": "GBK", "lines": _line_list(repaired), "line_numbers": repaired}))
    if unsure:
        said.append(("cp1252_unsure", {"lines": _line_list(unsure)}))
    return text, "gbk"


def _utf8_line(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _read_marks(line: bytes) -> str | None:
    """A GBK line read with bytes 91-97, where a character starts, as Windows-1252's marks; None if the rest
    is not GBK."""
    out, i, n = [], 0, len(line)
    while i < n:
        byte = line[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
        elif byte in _MARKS:
            out.append(_MARKS[byte])
            i += 1
        else:
            for width in (2, 4):
                try:
                    out.append(line[i:i + width].decode("gb18030"))
                except UnicodeDecodeError:
                    continue
                i += width
                break
            else:
                return None
    return "".join(out)


def _count_marks(line: bytes) -> int:
    text = _read_marks(line) or ""
    return sum(text.count(m) for m in _MARKS.values())


def _paired(line: bytes) -> bool:
    """Whether the marks' quotes pair up (“…” and ‘…’, or a lone ’ as an apostrophe): a rare GBK character
    whose first byte is 93 and second an ASCII letter is no opening quote."""
    text = _read_marks(line) or ""
    return text.count("\u201c") == text.count("\u201d") and text.count("\u2018") <= text.count("\u2019")


# A bullet or dash before a letter (•N, –F), or an apostrophe before one that follows no letter: what a rare GBK
# character whose second byte is ASCII (昇 95 4E, 旻 95 46) reads as, not how the marks are written.
# A mark before an ASCII symbol no mark stands before (–| ‘@ •~: 東 is 96 7C, 杧 93 7E) likewise.
_IMPLAUSIBLE = re.compile(r"[\u2022\u2013\u2014][A-Za-z]|(?<![A-Za-z])\u2019[A-Za-z]"
                          r"|[\u2018\u2019\u201c\u201d\u2022\u2013\u2014][@\[\\\]^_`{|}~]")


def _plausible(text: str) -> bool:
    return _IMPLAUSIBLE.search(text) is None


def _common(text: str) -> bool:
    """Whether every character is ASCII, one of the marks, or a GB2312 character of its punctuation and
    full-width rows (A1-A3) or its hanzi (B0-F7): what Chinese text holds. Its kana, Greek, Cyrillic, pinyin
    and box-drawing rows (A4-A9) are what a mark's byte shifts GBK text into (苏州“晶圆” read as 苏州摼г眬)."""
    marks = set(_MARKS.values())
    for ch in set(text):
        if ch < "\x80" or ch in marks:
            continue
        try:
            lead = ch.encode("gb2312")[0]
        except UnicodeEncodeError:
            return False
        if 0xA4 <= lead <= 0xA9:
            return False
    return True


def _obscure(text: str) -> bool:
    """Whether the text holds a character of the pairs a mark's byte makes (lead byte 91-97) that is not a
    traditional form (東, 會, 數, 楊: real text in a traditional list or name), a hint that the marks' reading
    may be the right one."""
    from .traditional import _traditional_chars

    table, traditional = _mark_pairs(), _traditional_chars()
    return any(ord(c) < 0x10000 and table[ord(c)] and c not in traditional for c in text)


def _gbk(data: bytes) -> tuple[str | None, bool]:
    """The data decoded as GBK, else as GB18030 (None if neither reads it), and whether GBK did: on every
    byte sequence GBK reads, GB18030 (its superset) reads the same text, so a GBK file is decoded once."""
    try:
        return data.decode("gbk"), True
    except UnicodeDecodeError:
        try:
            return data.decode("gb18030"), False
        except UnicodeDecodeError:
            return None, False


def _wide_candidates(head: bytes) -> tuple[str, ...]:
    """The wide encodings worth trying on a file without a BOM, from where its zero bytes sit."""
    zeros = head.count(0)
    if zeros > len(head) // 4:
        return _WIDE
    if zeros < max(4, len(head) // 50):
        return ()
    odd = head[1::2].count(0)
    if odd >= 0.9 * zeros:
        return ("utf-16-le",)
    if zeros - odd >= 0.9 * zeros:
        return ("utf-16-be",)
    return ()


def _utf8_damaged(data: bytes, said: list[tuple[str, dict]]) -> str | None:
    """``data`` as UTF-8 if all but a few of its bytes are UTF-8 and it holds Chinese (ten characters
    or more for every damaged spot: a GBK or Latin-1 file read so would be all damage), else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # a damaged spot is one run of replacements: an encoded surrogate (ED B3 BF, from a converter that wrote UTF-16
    # halves as UTF-8) is three bytes UTF-8 never has, and a short file with one was refused as binary
    spots = len(re.findall("\ufffd+", text)) if bad else 0
    if bad > max(2, len(text) * _MAX_BAD_CHARS) * 3 or len(_CJK.findall(text[:200_000])) < 10 * spots:
        return None
    if not _looks_like_text(text.replace("\ufffd", "")) or not _plausible_table(text):
        return None
    said.append(("bytes_replaced", {"count": bad, "encoding": "utf-8",
                                    "line": text[:text.find("\ufffd")].count("\n") + 1}))
    return text


def _decode_checked(data: bytes, encoding: str, said: list[tuple[str, dict]]) -> str | None:
    """``data`` as ``encoding`` if it reads as a text table, a few bad bytes replaced (and said); else None."""
    try:
        text = data.decode(encoding)
        bad = 0
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        text = text.rstrip("\ufffd")  # a cut-off last character (odd-length UTF-16)
        if bad > max(2, len(text) * _MAX_BAD_CHARS):
            return None
    if "\x00" in text:
        nuls = text.count("\x00")
        if nuls > len(text) // 4 or not _plausible_table(text.replace("\x00", "")):
            return None
        said.append(("nul_stripped", {"count": nuls, "line": text[:text.index("\x00")].count("\n") + 1}))
        text = text.replace("\x00", "")
    if not _looks_like_text(text.replace("\ufffd", "")) or not _plausible_table(text):
        return None
    if bad:
        said.append(("bytes_replaced", {"count": bad, "encoding": encoding,
                                        "line": text[:text.find("\ufffd") % (len(text) + 1)].count("\n") + 1}))
    return text


def _plausible_table(text: str) -> bool:
    """Whether decoded text has the line breaks or separators any table has (a wrong encoding seldom does)."""
    sample = text[:20_000]
    return len(sample) < 40 or any(ch in sample for ch in "\n\r\t,;")


def _chinese_pairs(data: bytes) -> bool:
    """Whether the double-byte pairs of ``data`` are mostly GB2312 characters, as Chinese text is
    (Latin-1 text that happens to decode as GB18030 pairs an accented letter with an ASCII one)."""
    pairs = re.findall(rb"[\x81-\xfe][\x30-\xfe]", data[:200_000])
    if not pairs:
        return True
    both = np.frombuffer(b"".join(pairs), dtype=np.uint8).reshape(-1, 2)
    common = int(((both[:, 0] >= 0xA1) & (both[:, 0] <= 0xF7) & (both[:, 1] >= 0xA1)).sum())
    return common >= 0.7 * len(pairs)


def _western(data: bytes) -> tuple[str, str] | None:
    """Latin-1 / Windows-1252 text, if its non-ASCII characters are mostly letters (é, ü, ñ)."""
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    if encoding == "cp1252" and not re.search(rb"[\x80-\x9f]", data):
        encoding = "latin-1"
    high = [ch for ch in text[:200_000] if ord(ch) > 127]
    if high and re.search(rb"[\x80-\x9f]", data[:200_000]):
        # A Mac's text (Mac OS Roman: é is byte 8E, Windows-1252's Ž): Café was stored as CafŽ. The reading whose
        # accented letters sit in words as letters do (lower case after lower case) wins.
        mac = data.decode("mac_roman")
        fit = _fit(mac[:200_000])
        if fit > _fit(text[:200_000]) and fit >= 0.8 * len(high):
            return (mac, "mac_roman") if _looks_like_text(mac) and _plausible_table(mac) else None
    if not high or sum(ch.isalpha() for ch in high) < 0.8 * len(high):
        return None
    if not _looks_like_text(text) or not _plausible_table(text):
        return None
    return text, encoding


def _fit(text: str) -> int:
    """How many characters past ASCII sit as they would in Western text: a mark anywhere (’ – “ ” •), a letter
    neither upper case right after a lower-case one (Café, not CafŽ) nor against a digit (2024–2026, not 2024ñ2026)."""
    good = 0
    for m in re.finditer(r"[^\x00-\x7f]", text):
        i, ch = m.start(), m.group()
        if not ch.isalpha():
            good += 1
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        good += not ((before.isalpha() and before.islower() and ch.isupper()) or before.isdigit() or after.isdigit())
    return good


def _mixed_lines(data: bytes, said: list[tuple[str, dict]]) -> tuple[str, str] | None:
    """A file whose lines are partly UTF-8 and partly GBK (pasted together from two sources): each
    line decoded in its own encoding, and the warning says how many lines are in each (ASCII-only
    lines read the same in both and are not counted) and lists the lines of the rarer encoding,
    the ones to check. The encoding is named majority first: ``utf-8+gbk`` or ``gbk+utf-8``. None if
    the file is not like that. Called on a file :func:`_utf8_and_other_lines` found both kinds of line in."""
    lines = data.split(b"\n")
    utf8_cjk = 0
    utf8: list[int] = []        # lines with non-ASCII bytes that are UTF-8
    other: list[int] = []
    out: list[str] = []
    for i, line in enumerate(lines):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(i)
            out.append("")
            continue
        if not line.isascii():
            utf8.append(i)
        utf8_cjk += bool(re.search(r"[\u4e00-\u9fff]", text))
        out.append(text)
    if not utf8_cjk or not other:
        return None
    for i in other:
        try:
            text = lines[i].decode("gb18030")
        except UnicodeDecodeError:
            return None
        if not _chinese_pairs(lines[i]):
            return None
        out[i] = text
    text = "\n".join(out)
    if not _looks_like_text(text):
        return None
    gbk_first = len(other) > len(utf8)
    major, minor = ("GBK", "UTF-8") if gbk_first else ("UTF-8", "GBK")
    said.append(("mixed_encoding", {
        "majority": major, "majority_count": len(other) if gbk_first else len(utf8),
        "minority": minor, "minority_count": len(utf8) if gbk_first else len(other),
        "lines": _line_list([i + 1 for i in (utf8 if gbk_first else other)])}))
    return text, "gbk+utf-8" if gbk_first else "utf-8+gbk"


def _utf8_and_other_lines(data: bytes) -> bool:
    """Whether ``data`` has both a UTF-8 line with Chinese in it and a line that is not UTF-8."""
    if _no_utf8_chinese_line(data):  # a GBK file: every line that might hold UTF-8 Chinese surely is not UTF-8
        return False
    utf8_cjk = other = False
    for line in io.BytesIO(data):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            other = True
        else:
            utf8_cjk = utf8_cjk or _CJK.search(text) is not None
        if utf8_cjk and other:
            return True
    return False


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _no_utf8_chinese_line(data: bytes) -> bool:
    """True when no line of ``data`` can be UTF-8 with a character of U+4E00–U+9FFF in it, shown from
    the bytes at once (no line decoded): such a line holds a byte E4–E9 (the lead byte of those
    characters), so it is enough that every line holding one also holds a byte sequence UTF-8 never
    has: a lead byte (C2–FF) not followed by a continuation byte (80–BF), a continuation byte after an
    ASCII byte (or first), C0, C1 or F5–FF. False means "look line by line" (not "there is one")."""
    b = np.frombuffer(data, dtype=np.uint8)
    if not len(b):
        return True
    cont = (b & 0xC0) == 0x80
    bad = (b == 0xC0) | (b == 0xC1) | (b >= 0xF5)
    bad[:-1] |= (b[:-1] >= 0xC2) & ~cont[1:]
    bad[-1] |= bool(b[-1] >= 0xC2)  # a sequence cut off by the end of the data
    bad[1:] |= cont[1:] & (b[:-1] < 0x80)
    bad[0] |= bool(cont[0])
    lead = (b >= 0xE4) & (b <= 0xE9)
    starts = np.concatenate(([0], np.flatnonzero(b == 0x0A) + 1))
    starts = starts[starts < len(b)]  # each line's first byte (a line ends with its b"\n", as io.BytesIO has it)
    return not (np.logical_or.reduceat(lead, starts) & ~np.logical_or.reduceat(bad, starts)).any()


def _line_list(numbers: list[int], shown: int = 10) -> str:
    head = ", ".join(map(str, numbers[:shown]))
    return head + (f" … (+{len(numbers) - shown})" if len(numbers) > shown else "")


_FEW_CONTROL = 16   # stray control characters a text table may hold whatever its length


def _looks_like_text(text: str) -> bool:
    sample = text[:20_000]
    if not sample:
        return True
    try:  # counted by NumPy over the code points (a loop over 20,000 characters took ~4 ms)
        codes = np.frombuffer(sample.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate: character by character
        control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
        odd = sum(1 for ch in sample if 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd")
    else:
        control = int(np.count_nonzero((codes < 32) & (codes != 9) & (codes != 10) & (codes != 13)))
        odd = int(np.count_nonzero(((codes >= 0xE000) & (codes <= 0xF8FF)) | (codes == 0xFFFD)))
    # A short list with a few stray control characters (a terminal's colour codes pasted into its header,
    # a bell) is text: the share alone refused a 200-character file for three of them as "not a text table".
    # Each is stripped and said, cell by cell, later.
    share = (control + odd) / len(sample)
    return share < 0.01 or (control + odd <= _FEW_CONTROL and share < 0.1 and _plausible_table(sample))




# ------------------------------------------------------------------- Korean, Japanese, 7-bit encodings, NEL

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]")
_HANZI = re.compile(r"[\u4e00-\u9fff]")
_FOREIGN_MIN = 4              # letters of the other script before a file is taken for that language's text


def _script_of(text: str) -> str | None:
    """``korean`` or ``japanese`` when the text's CJK letters are largely Hangul (a third) or hold kana (a tenth:
    a Japanese list writes its names in kanji, but its words between them in kana), else None."""
    sample = text[:200_000]
    hangul, kana = len(_HANGUL.findall(sample)), len(_KANA.findall(sample))
    letters = hangul + kana + len(_HANZI.findall(sample))
    if hangul >= _FOREIGN_MIN and hangul >= letters / 3:
        return "korean"
    if kana >= _FOREIGN_MIN and kana >= letters / 10:
        return "japanese"
    return None


def _refuse_foreign(text: str, encoding: str) -> None:
    """A file whose text is Korean or Japanese (read right, in UTF-8, UTF-16 or a 7-bit ISO-2022 form): refused
    saying so, not with "no header found"."""
    if not _HANGUL.search(text[:200_000]) and not _KANA.search(text[:200_000]):
        return
    script = _script_of(text)
    if script is not None:
        raise ReadError(f"file_{script}", encoding=display_name(encoding))


# The Korean and Japanese double-byte encodings a GBK reading takes without an error (EUC-KR's Hangul are
# GB2312's common hanzi byte for byte: 사업명 reads as 荤诀疙), each with the letters its reading must show.
_OTHER_CJK = (("cp949", "korean", _HANGUL), ("cp932", "japanese", _KANA), ("euc_jp", "japanese", _KANA))
_MAX_PLAUSIBLE = 0.05         # share of a GBK reading's hanzi pairs found in Chinese words below which it is noise


def _refuse_other_cjk(data: bytes, gbk_text: str) -> None:
    """Refuse a Korean or Japanese file GBK decodes without an error: one that reads in EUC-KR (CP949), Shift_JIS
    or EUC-JP as text of that script, while its GBK reading is implausible as Chinese (hardly a pair of its
    hanzi is one found in the words of the reference data: place names, zone names, the taxonomy's words).
    Every Chinese list of the test corpus has 14% of such pairs or more; Korean and Japanese lists read as GBK,
    1% or less."""
    head = data[:200_000]
    for codec, script, letters in _OTHER_CJK:
        try:
            other = head.decode(codec)
        except UnicodeDecodeError:
            continue
        # Two letters are enough here (a Japanese list writes its names in kanji, 半導体工場の建設: few kana),
        # the GBK reading's noise deciding; Hangul a third of the letters at least.
        found = len(letters.findall(other))
        if found < 2 or (script == "korean" and _script_of(other) != script):
            continue
        if _chinese_share(gbk_text[:200_000]) < _MAX_PLAUSIBLE:
            raise ReadError(f"file_{script}", encoding=display_name(codec))


def _chinese_share(text: str) -> float:
    """The share of the text's adjacent hanzi pairs that occur in the reference data's Chinese words (1.0 for a
    text with fewer than twelve pairs: too little to judge; one real name of ten characters may hold none)."""
    pairs = [run[i:i + 2] for run in _HANZI_RUN.findall(text) for i in range(len(run) - 1)]
    if len(pairs) < 12:
        return 1.0
    known = _chinese_pairs_known()
    return sum(p in known for p in pairs) / len(pairs)


_HANZI_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@functools.cache
def _chinese_pairs_known() -> frozenset[str]:
    """Every pair of adjacent hanzi in the reference data's Chinese (regions, zones, the taxonomy)."""
    from ..config import DATA_DIR

    pairs: set[str] = set()
    for name in ("regions.csv", "development_zones.csv", "taxonomy.toml"):
        for run in _HANZI_RUN.findall((DATA_DIR / name).read_text(encoding="utf-8")):
            pairs.update(run[i:i + 2] for i in range(len(run) - 1))
    return frozenset(pairs)


# 7-bit encodings that look like ASCII: HZ (~{...~}, Chinese: read) and ISO-2022-JP / -KR (escape sequences).
_ISO2022 = ((b"\x1b$)C", "iso2022_kr"), (b"\x1b$B", "iso2022_jp"), (b"\x1b$@", "iso2022_jp"),
            (b"\x1b$(D", "iso2022_jp"))


def _seven_bit(text: str, said: list[tuple[str, dict]]) -> tuple[str, str] | None:
    """An ASCII file in HZ-GB-2312 (read as it, said) or ISO-2022-JP / -KR (read, then refused as Japanese or
    Korean text); None for any other ASCII file."""
    if "~{" in text and "~}" in text:
        try:
            hz = text.encode("ascii").decode("hz")
        except UnicodeDecodeError:
            hz = None
        if hz is not None and _CJK.search(hz) and _looks_like_text(hz):
            said.append(("encoding_guessed", {"encoding": "hz"}))
            return hz, "hz"
    if "\x1b" in text:
        raw = text.encode("ascii")
        for mark, codec in _ISO2022:
            if mark in raw:
                try:
                    other = raw.decode(codec)
                except UnicodeDecodeError:
                    continue
                if _HANGUL.search(other) or _KANA.search(other) or _HANZI.search(other):  # a Korean or Japanese form
                    raise ReadError("file_korean" if codec == "iso2022_kr" else "file_japanese",
                                    encoding=display_name(codec))
    return None


_UNICODE_BREAKS = re.compile("\r?[\u0085\u2028\u2029]\n?")


def _unicode_line_ends(text: str) -> str:
    """A file whose lines end in NEL (U+0085: from a mainframe or an EBCDIC conversion), LINE SEPARATOR or
    PARAGRAPH SEPARATOR and never in a CR or LF: those as line ends (the file was one line, "no header"); beside a
    CR or LF (NEL LF) the pair is one line end."""
    if "\x85" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    if "\n" not in text and "\r" not in text:
        return _UNICODE_BREAKS.sub("\n", text)
    return re.sub("\r?[\u0085\u2028\u2029]\n|\r[\u0085\u2028\u2029]", "\n", text)
