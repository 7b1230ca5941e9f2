"""Turn HTML or marked-up text into plain paragraphs separated by one blank line.

clean_text is idempotent: cleaning clean text changes nothing, so stages may call it freely.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

from storage.nlp import morph

# --- HTML ----------------------------------------------------------------------------------------

_SKIP = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
                   "svg", "template", "button", "select", "textarea", "head", "object", "canvas"})
_SKIP_ALWAYS = frozenset({"script", "style", "noscript", "template", "head", "svg"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BLOCK = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                    "li", "table", "tr", "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd",
                    "address", "hr", "body", "center", "details", "summary", "caption", "time"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})


class _TextCollector(HTMLParser):
    def __init__(self, skip_tags: frozenset[str] = _SKIP) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_tags = skip_tags
        self.parts: list[str] = []
        self.skip: list[str] = []  # open skipped elements, innermost last
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_title = False
        self.h1_depth = 0
        self.h1_done = False

    def _end_h1(self) -> None:
        self.h1_depth = 0
        self.h1_done = bool("".join(self.h1_parts).strip())

    def _skipping(self) -> bool:
        # a headline inside <header> is still the article's headline: keep it
        if self.h1_depth and all(tag == "header" for tag in self.skip):
            return False
        return bool(self.skip)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.in_title = False  # an unclosed <title> ends at the next tag
        if tag == "title":
            self.in_title = True
            return
        if tag == "body" and "head" in self.skip:
            self.skip.remove("head")  # an unclosed <head> ends where the body starts
        if tag in self.skip_tags and tag not in _VOID:
            self.skip.append(tag)
            return
        if tag == "h1" and not self.h1_done:
            self.h1_depth += 1
        elif self.h1_depth and tag in _BLOCK:
            self._end_h1()  # "<h1>Headline</h2><p>…": a paragraph is never part of the headline
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in self.skip:
            # close up to the matching element: tolerates unclosed children in broken markup
            while self.skip:
                if self.skip.pop() == tag:
                    break
            return
        if tag == "h1" and self.h1_depth:
            self.h1_depth -= 1
            if not self.h1_depth and "".join(self.h1_parts).strip():
                self.h1_done = True
        elif self.h1_depth and tag in _HEADINGS:
            self._end_h1()  # a headline closed by the wrong tag ("<h1>…</h2>") ends there
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self._skipping():
            return
        data = _SOURCE_SPACE.sub(" ", data)  # source line breaks are not breaks: only tags make them
        if self.h1_depth and not self.h1_done:
            self.h1_parts.append(data)
        self.parts.append(data)


_SPACES = re.compile(r"[ \t\r\f\v]+")
_SOURCE_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def _inline(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


_BRACKET = re.compile(r"[<>]")
_LONGEST_TAG = 5000


def _escape_unclosed_tags(html_text: str) -> str:
    """A "<" that no ">" closes before the next "<" is text, not a tag. html.parser re-scans an unclosed tag
    from its start at every later "<" ("<a href=" × 10,000 is quadratic); one linear pass settles it first."""
    out: list[str] = []
    last = 0
    opened: int | None = None
    for m in _BRACKET.finditer(html_text):
        if m.group() == "<":
            if opened is not None:
                out.append(html_text[last:opened] + "&lt;")
                last = opened + 1
            opened = m.start()
        elif opened is not None:
            if m.start() - opened > _LONGEST_TAG:
                out.append(html_text[last:opened] + "&lt;")
                last = opened + 1
            opened = None
    if opened is not None:
        out.append(html_text[last:opened] + "&lt;")
        last = opened + 1
    out.append(html_text[last:])
    return "".join(out)


def clean_html(html_text: str) -> tuple[str, str | None]:
    """(plain text, title): page chrome elements dropped, blocks → paragraphs, title from <h1> or <title>."""
    html_text = _escape_unclosed_tags(html_text)
    collector = _TextCollector()
    collector.feed(html_text)
    collector.close()
    if any(tag != "head" for tag in collector.skip):
        # broken markup left a <nav>/<aside>/… open and it swallowed the rest: keep more, not nothing
        collector = _TextCollector(_SKIP_ALWAYS)
        collector.feed(html_text)
        collector.close()
    raw = "".join(collector.parts)
    blocks = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [_inline(line) for line in block.split("\n")]
        blocks.append("\n".join(line for line in lines if line))
    text = clean_text("\n\n".join(b for b in blocks if b))
    h1 = _inline("".join(collector.h1_parts))
    title = h1 or _inline("".join(collector.title_parts)) or None
    return text, (clean_text(title) or None) if title else None


# --- plain text and Markdown ---------------------------------------------------------------------

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff]")
_WIDE_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_MD_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ ]+(.*?)(?:[ ]+#+)?[ ]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ ]*(?:[-*_=][ ]*){3,}$", re.MULTILINE)
# bounded runs that stop at the next bracket: "[a](b" × 10,000 without a closing ")" stays linear
_MD_IMAGE = re.compile(r"!\[[^\]\[\n]{0,500}\]\([^)(\[\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\[\n]{1,500})\]\((?:[^)(\[\s]{1,2000})(?:\s+\"[^\"\n]{0,300}\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_QUOTE = re.compile(r"^[ ]*(?:>[ ]?)+", re.MULTILINE)
_LINE_SPACES = re.compile(r"[ ]{2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Plain paragraphs separated by "\\n\\n": invisible characters, odd spaces and Markdown removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _WIDE_SPACES.sub(" ", text)
    for _ in range(8):  # removing one marker can expose another ("*>*" → ">"): repeat to a fixed point
        cleaned = _strip_markup(text)
        if cleaned == text:
            break
        text = cleaned
    return repair_glued_words(text)


def _strip_markup(text: str) -> str:
    # each Markdown pass only when its marker occurs: most pages have none, and sub() scans the page
    if "](" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
    if "---" in text or "***" in text or "___" in text or "===" in text or "- - -" in text or "* * *" in text:
        text = _MD_RULE.sub("", text)
    if "#" in text:
        text = _MD_HEADING.sub(r"\1", text)
    if ">" in text:
        text = _MD_QUOTE.sub("", text)
    if "*" in text or "__" in text:
        previous = None
        while previous != text:  # nested "***x***" needs two passes
            previous = text
            text = _MD_STRONG.sub(r"\2", text)
            text = _MD_EM.sub(r"\1", text)
    text = _LINE_SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_RUNS.sub("\n\n", text).strip("\n")
    return text


# --- words glued by a lost line break ------------------------------------------------------------

_WORD_PAIR = re.compile(r"(?<![\w-])([А-ЯЁа-яё]{3,}[оивскуа])([ ]+)(?=([А-ЯЁа-яё]+))")
# what the word after each one-letter preposition must be: its case decides the split
_AGREES = {
    "о": ("loct", "loc2"), "в": ("loct", "loc2", "accs"), "с": ("ablt", "gent"), "к": ("datv",),
    "у": ("gent",), "и": (), "а": (),
}
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Init"})


def repair_glued_words(text: str) -> str:
    """Split "войнео подтверждении" → "войне о подтверждении" when the glued form is no word but its parts are."""
    if not _WORD_PAIR.search(text):
        return text
    return _WORD_PAIR.sub(_split_pair, text)


def _split_pair(match: re.Match) -> str:
    token, space, following = match.groups()
    head = _glued_head(token, following)
    if head is None:
        return match.group(0)
    return f"{head} {token[-1]}{space}"


@lru_cache(maxsize=50_000)
def _glued_head(token: str, following: str) -> str | None:
    letter, head = token[-1], token[:-1]
    if letter.isupper() or len(following) < 2:
        return None  # a lone letter after it ("бабо б") is an initial or a label, no evidence of a case
    abbreviation = len(head) >= 2 and head.isupper()
    if abbreviation:
        # "ООНо солидарности": an all-caps abbreviation with a lower-case letter glued on; "МИДа" and
        # "ОДКБу" are real inflected abbreviations, so only prepositions that need a case check qualify
        if letter in ("а", "у", "и"):
            return None
    else:
        if not head[1:].islower() or morph.is_known(token) or not morph.is_known(head):
            return None
        if head[0].isupper() and any(_NAME_TAGS & p.tag.grammemes for p in morph.parses(head)[:1]):
            return None  # a name plus a letter is more likely an unknown name than a glued preposition
    cases = _AGREES[letter]
    if not morph.is_known(following):
        return None  # the word after must be a word, in the case the preposition needs
    if not cases:
        return head if not abbreviation else None
    for parse in morph.parses(following.lower()):
        if any(case in parse.tag for case in cases) and parse.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO", "NUMR"):
            return head
    return None
