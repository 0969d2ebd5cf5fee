"""Opens one uploaded PDF in a separate, resource-capped process and prints a verdict.

Run as a script by `participation.challenges.attachments`, never imported by the site: a
hostile PDF (a compressed cross-reference table of millions of entries, a decompression bomb,
a malformed object tree) can cost a reader minutes of CPU or gigabytes of memory, or raise
whatever exception its authors did not foresee. Here it can only exhaust this process: the
address space and CPU time are capped before the file is read, the parent kills it after a
wall-clock deadline, and every failure becomes a verdict. Standard library and pypdf only.
"""

import io
import resource
import sys

MEMORY_BYTES = 384 * 1024 * 1024
CPU_SECONDS = 2
INFLATED_BYTES = 8 * 1024 * 1024
PAGES_INFLATED = 20  # the first pages' content is inflated: a bomb there is caught

VERDICTS = ("ok", "not_pdf", "encrypted", "too_complex")


def cap_resources() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_NOFILE, (16, 16))


def verdict(data: bytes) -> str:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    limits = {
        "maximum_declared_stream_length": INFLATED_BYTES,
        "zlib_maximum_output_length": INFLATED_BYTES,
        "lzw_maximum_output_length": INFLATED_BYTES,
        "run_length_maximum_output_length": INFLATED_BYTES,
        "array_based_stream_maximum_output_length": INFLATED_BYTES,
        "page_tree_maximum_entries": 20_000,
        "page_tree_maximum_depth": 50,
    }
    try:
        with apply_configuration(**limits):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                return "encrypted"
            if len(reader.pages) < 1:
                return "not_pdf"
            for page in reader.pages[:PAGES_INFLATED]:
                page.get_contents()  # inflates the page's content streams, within the limits
            return "ok"
    except Exception as error:  # noqa: BLE001 — any failure of a hostile file is a verdict
        return "too_complex" if _hit_a_limit(error, LimitReachedError) else "not_pdf"


def _hit_a_limit(error: BaseException | None, limit_error: type) -> bool:
    """pypdf sometimes wraps the limit it reached in a read error: follow the chain."""
    while error is not None:
        if isinstance(error, limit_error | MemoryError | RecursionError):
            return True
        error = error.__cause__ or error.__context__
    return False


def main() -> None:
    cap_resources()
    data = sys.stdin.buffer.read()
    sys.stdout.write(verdict(data))


if __name__ == "__main__":
    main()
