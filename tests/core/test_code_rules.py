"""House rules that a linter for Python does not see (docs/architecture.md, "Quality checks")."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_LINE_LIMIT = 120
SKIPPED = {".venv", "node_modules", "staticfiles", "tests"}


def project_templates():
    for path in ROOT.rglob("*.html"):
        if not SKIPPED.intersection(path.relative_to(ROOT).parts):
            yield path


def test_no_template_line_is_longer_than_the_limit():
    long_lines = [
        f"{path.relative_to(ROOT)}:{number} ({len(line)} characters)"
        for path in project_templates()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if len(line) > TEMPLATE_LINE_LIMIT
    ]
    assert len(list(project_templates())) > 50
    assert not long_lines, "\n".join(long_lines)
