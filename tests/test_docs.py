"""The documentation's links: every relative link in README.md and docs/ resolves.

A link ``[text](path#anchor)`` must name a file of this repository (never one outside it,
never a working area beside it) and, when it has an anchor, a heading of that file, with
the heading turned into an anchor the way GitHub does it. Links inside code (fenced
blocks and inline code) are examples, not links, and are not checked.
"""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])

#: Names of notes that live outside the repository; no file may refer to them. Spelled in
#: pieces so that this file does not match itself.
FOREIGN = ("../" + "shared", "MODEL" + ".md", "ENGINE" + ".md", "STYLE" + ".md")

FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
INLINE_CODE = re.compile(r"(`+).+?\1", re.S)
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)
HTML_ID = re.compile(r"<a\s+(?:id|name)=\"([^\"]+)\"", re.I)


def _prose(text):
    """The text without fenced code blocks and inline code."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"<[^>]+>", "", heading)  # inline HTML
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link keeps its text
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    """Every anchor a page defines: its headings (numbered when repeated) and HTML ids."""
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    seen, out = {}, set()
    for h in HEADING.findall(text):
        s = slug(h)
        n = seen.get(s, 0)
        seen[s] = n + 1
        out.add(s if n == 0 else f"{s}-{n}")
    out.update(HTML_ID.findall(text))
    return out


def links(path):
    """The link targets of a page, outside code."""
    text = path.read_text(encoding="utf-8")
    prose = _prose(text)
    for m in LINK.finditer(prose):
        yield m.group(1)


def _relative(target):
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I)


def test_pages_exist():
    assert (ROOT / "docs" / "index.md") in PAGES
    assert len(PAGES) > 5


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page):
    bad = []
    for target in links(page):
        if not _relative(target):
            continue
        file_part, _, anchor = target.partition("#")
        dest = page if not file_part else (page.parent / unquote(file_part)).resolve()
        if "shared/" in target:
            bad.append(f"{target}: points at a working area outside the repository")
            continue
        try:
            dest.relative_to(ROOT)
        except ValueError:
            bad.append(f"{target}: outside the repository")
            continue
        if not dest.exists():
            bad.append(f"{target}: no such file")
            continue
        if anchor and dest.suffix == ".md" and unquote(anchor) not in anchors(dest):
            bad.append(f"{target}: no heading with anchor #{anchor} in {dest.relative_to(ROOT)}")
    assert not bad, f"{page.relative_to(ROOT)}:\n  " + "\n  ".join(bad)


def test_slug_follows_github():
    assert slug("HTML reports (`--report FILE.html`)") == "html-reports---report-filehtml"
    assert slug("The politics/policy transformer") == "the-politicspolicy-transformer"
    assert slug("Reciprocity: specific and diffuse") == "reciprocity-specific-and-diffuse"


def _texts():
    for d, pattern in (("docs", "*.md"), ("src/cooptourney", "*.py"), ("strategies", "*.py"), ("tests", "*.py")):
        yield from sorted((ROOT / d).rglob(pattern))
    yield ROOT / "README.md"


def test_no_reference_to_notes_outside_the_repository():
    found = []
    for path in _texts():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for word in FOREIGN:
                if word in line:
                    found.append(f"{path.relative_to(ROOT)}:{n}: {word}")
    assert not found, "references to files outside the repository:\n  " + "\n  ".join(found)
