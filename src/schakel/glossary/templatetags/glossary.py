"""`{{ text|abbreviations }}`: a user's text, escaped, with every known abbreviation marked
`<abbr title="...">` (WCAG 3.1.4). Built in (settings TEMPLATES `builtins`), so every
template that shows what a user wrote can use it; chain `|linebreaks` after it."""

from __future__ import annotations

import re

from django import template
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

from schakel.glossary.selectors import abbreviation_index

register = template.Library()


@register.filter(is_safe=True)
def abbreviations(value: object) -> SafeString:
    text = str(conditional_escape("" if value is None else str(value)))
    index = abbreviation_index()
    pattern = index.pattern()
    if pattern is None:
        return mark_safe(text)  # noqa: S308 - escaped above

    def mark(match: re.Match[str]) -> str:
        found = match.group(1)
        return f'<abbr title="{escape(index.titles[found])}">{found}</abbr>'

    return mark_safe(pattern.sub(mark, text))  # noqa: S308 - escaped above, titles escaped
