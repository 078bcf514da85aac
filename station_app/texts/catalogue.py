"""The catalogue of one language: a code, a Problem or an enum member -> the text to show."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType

from station_app.errors import Problem, UserError, ValidationError
from station_app.texts.codes import label_code
from station_app.texts.placeholders import HIDDEN_PARAMS, fill, placeholders
from station_app.texts.sources import ERROR_ADDITIONS, SOURCES
from station_app.texts.translations import SOURCE_LANGUAGE, read_translations, translation_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Catalogue:
    """The texts of one language; a code it has no translation for is shown in English."""

    language: str = SOURCE_LANGUAGE
    translations: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    sources: Mapping[str, str] = field(default_factory=lambda: SOURCES)

    @classmethod
    def load(cls, language: str, directory: Path | None = None) -> Catalogue:
        """The catalogue of a language such as "zh_CN"; "en" needs no file.

        A missing or unreadable translation file is logged and the texts stay English, as the
        UI does when its Qt translation is missing.
        """
        if language == SOURCE_LANGUAGE:
            return cls()
        path = translation_path(language, directory)
        try:
            translations = read_translations(path)
        except (OSError, ValueError) as exc:
            log.warning("cannot read the translation %s (%s): texts stay in English", path, exc)
            return cls()
        return cls(language, MappingProxyType(translations))

    def __contains__(self, code: object) -> bool:
        return code in self.sources

    def text(self, code: str, /, **params: object) -> str:
        """The text of a code in this language, its ``{placeholders}`` filled from params.

        Hidden parameters (placeholders.HIDDEN_PARAMS) are never shown. An unknown code comes
        back as it is, so a missing text is visible but never a crash.
        """
        template = self.translations.get(code) or self.sources.get(code)
        if template is None:
            return code
        return fill(template, params)

    def problem(self, problem: Problem) -> str:
        """The text of a Problem, its params filled in; an unknown code → its English message."""
        if problem.code not in self.sources:
            return problem.message
        return self.text(problem.code, **problem.params)

    def label(self, member: Enum, *, short: bool = False) -> str:
        """The label of an enum member (Sex.MALE → "男"); short=True for a narrow column.

        Without a short label the full one is used; without any label, the member's value.
        """
        if short and label_code(member, short=True) in self.sources:
            return self.text(label_code(member, short=True))
        code = label_code(member)
        return self.text(code) if code in self.sources else str(member.value)

    def labels(self, members: Iterable[Enum], *, short: bool = False) -> str:
        """Labels joined by this language's list separator (", " in English, "、" in Chinese)."""
        return self.text("list.separator").join(self.label(m, short=short) for m in members)

    def error(self, error: UserError) -> str:
        """The text of a UserError for the user.

        A ValidationError is the texts of its problems. Another error shows the text of its
        code with its params filled in (the files it names, say), and after it, each as a
        paragraph, the sources.ERROR_ADDITIONS its params call for (the latest backup copy).
        Two exceptions keep the error's own English message, which says more: a class's
        default code in a language without a translation of it (so always in English), and
        a text whose placeholders the params do not all fill.
        """
        if isinstance(error, ValidationError) and error.problems:
            return "\n".join(self.problem(p) for p in error.problems)
        message = str(error)
        template = self.translations.get(error.code) or self.sources.get(error.code)
        if not message:
            return self.text(error.code, **error.params)
        if template is None:
            return message
        if error.code in _default_codes() and error.code not in self.translations:
            return message
        try:
            shown = placeholders(template)
        except ValueError:
            return message
        params = error.params
        if any(name not in params for name in shown - HIDDEN_PARAMS):
            return message
        parts = [fill(template, params)]
        for name, code in ERROR_ADDITIONS.items():
            if name in params and name not in shown and code in self.sources:
                parts.append(self.text(code, **params))
        return "\n\n".join(parts)


def _default_codes() -> frozenset[str]:
    """The default_code of UserError and of every subclass of it."""
    codes: set[str] = set()
    pending: list[type[UserError]] = [UserError]
    while pending:
        kind = pending.pop()
        codes.add(kind.default_code)
        pending.extend(kind.__subclasses__())
    return frozenset(codes)
