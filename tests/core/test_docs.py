"""The README is the front door and docs/ is by reader: every link in them leads somewhere, the
README stays short with the two commands on its first screen, and the docs say why, never which
issue asked for what."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)|(?:src|href)=\"([^\"]+)\"")


def anchors_of(path: Path) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings."""
    anchors = set()
    for line in path.read_text().splitlines():
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        if heading:
            text = re.sub(r"[`*_]", "", heading.group(1)).strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", text).replace(" ", "-"))
    return anchors


def links_of(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(), flags=re.DOTALL)
    return [first or second for first, second in LINK.findall(text)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=[path.name for path in DOCUMENTS])
def test_every_link_resolves(document):
    broken = []
    links = links_of(document)
    for link in links:
        if re.match(r"^[a-z]+:", link):  # https:, mailto: — nothing outside is needed here
            continue
        target, _hash, anchor = link.partition("#")
        path = (document.parent / target).resolve() if target else document
        if not path.exists() or anchor and path.suffix == ".md" and anchor not in anchors_of(path):
            broken.append(link)
    assert links or document.name != "README.md"
    assert not broken, f"{document.name}: {broken}"


def test_a_broken_link_is_found(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n[gone](missing.md) [here](#title) [nowhere](#other)\n")
    assert links_of(page) == ["missing.md", "#title", "#other"]
    assert "title" in anchors_of(page) and "other" not in anchors_of(page)


def test_the_readme_is_short_with_the_two_commands_on_its_first_screen():
    lines = (ROOT / "README.md").read_text().splitlines()
    assert len(lines) <= 150
    first_screen = "\n".join(lines[:30])
    assert "make run" in first_screen and "make test" in first_screen


def test_docs_and_comments_do_not_tell_which_issue_asked():
    pattern = re.compile(r"\bissues? #?\d+", re.IGNORECASE)
    found = []
    for path in [*DOCUMENTS, *ROOT.glob("*/**/*.py"), *ROOT.glob("*/**/*.html")]:
        if {".venv", "node_modules", "staticfiles"} & set(path.relative_to(ROOT).parts):
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}")
    assert not found, found
