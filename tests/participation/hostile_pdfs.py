"""PDF files built byte by byte to attack the attachment check: tiny on disk, huge or broken
once a reader follows them. Each mimics a file a probe of the production setup sent."""

import zlib


def _assemble(body_objects: list[bytes], trailer: bytes) -> bytes:
    """A PDF with the given numbered objects (1…n) and a classic cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(body_objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(body_objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def valid_minimal() -> bytes:
    return _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ],
        b"<< /Size 4 /Root 1 0 R >>",
    )


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def xref_stream_bomb(entries: int, declared_size: int | None = None) -> bytes:
    """A cross-reference stream declaring `entries` objects: 7 bytes each once inflated, a few
    bytes each on disk. Millions of entries take seconds and gigabytes to load. The declared
    /Size can lie."""
    head = _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ],
        b"<< /Size 4 /Root 1 0 R >>",
    ).split(b"xref\n")[0]
    compressor = zlib.compressobj(9)
    row = b"\x01" + (16).to_bytes(4, "big") + b"\x00\x00"
    chunk = row * 10_000
    data = b"".join(compressor.compress(chunk) for _ in range(entries // 10_000))
    data += compressor.flush()
    xref_at = len(head)
    stream = _stream(
        b"/Type /XRef /Size %d /Index [0 %d] /W [1 4 2] /Root 1 0 R /Filter /FlateDecode"
        % (declared_size or entries, entries),
        data,
    )
    return head + b"%d 0 obj\n" % entries + stream + b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at


def deflate_bomb(megabytes: int) -> bytes:
    """The catalog points at a page whose content stream inflates to `megabytes` of zeros."""
    data = zlib.compress(b"\x00" * (megabytes * 1_000_000), 9)
    return _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            _stream(b"/Filter /FlateDecode", data),
        ],
        b"<< /Size 5 /Root 1 0 R >>",
    )


def root_is_a_number() -> bytes:
    return _assemble([b"42"], b"<< /Size 2 /Root 1 0 R >>")


def pages_is_a_string() -> bytes:
    return _assemble([b"<< /Type /Catalog /Pages (nothing) >>"], b"<< /Size 2 /Root 1 0 R >>")


def unknown_filter_object_stream() -> bytes:
    """The catalog lives in an object stream compressed with a filter nobody implements."""
    head = b"%PDF-1.7\n"
    stream = _stream(b"/Type /ObjStm /N 1 /First 4 /Filter /NoSuchDecode", b"1 0 << >>")
    return head + b"2 0 obj\n" + stream + b"\nendobj\ntrailer\n<< /Size 3 /Root 1 0 R >>\n%%EOF\n"


def self_referencing_pages() -> bytes:
    return _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 2 0 R] >>",
        ],
        b"<< /Size 3 /Root 1 0 R >>",
    )


def count_is_negative() -> bytes:
    return _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [] /Count -5 >>",
        ],
        b"<< /Size 3 /Root 1 0 R >>",
    )


def encrypted() -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("segreto", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def truncated(original: bytes) -> bytes:
    return original[: len(original) // 2]


HOSTILE = {
    "xref-stream-57k": lambda: xref_stream_bomb(1_200_000),
    "xref-stream-bomb": lambda: xref_stream_bomb(12_000_000),
    "xref-stream-lying-size": lambda: xref_stream_bomb(1_200_000, declared_size=10),
    "deflate-bomb": lambda: deflate_bomb(300),
    "root-is-a-number": root_is_a_number,
    "pages-is-a-string": pages_is_a_string,
    "unknown-filter": unknown_filter_object_stream,
    "self-referencing-pages": self_referencing_pages,
    "count-is-negative": count_is_negative,
    "truncated": lambda: truncated(valid_minimal()),
}
