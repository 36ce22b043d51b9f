#!/usr/bin/env python3
"""Rewrites schema headers from the older declaration spelling to the current one, in place.

    pg::integer("org_id", &User::orgId).references(&Org::id, {...})
 -> pg::integer<&User::orgId>("org_id").references<&Org::id>({...})

Also `moodEnum("mood", &T::m)` -> `moodEnum.column<&T::m>("mood")` (any variable whose name
ends in Enum; name others with --enum NAME), `.defaultFn(&f)` -> `.defaultFn<&f>()` (and
onUpdateFn), and a text column's `{.enumValues = {...}}` option -> `.enumValues({...})`.
Review the diff: a call that spans a comment or a macro is left as it is.

    python3 tools/rewrite_declarations.py [--enum NAME]... src/db/*.hpp

Standard library only.
"""
import argparse
import pathlib
import re

NAME = r'(?:"(?:[^"\\\n]|\\.)*"|\\"(?:[^"\\\n])*\\")'
MEMBER = r'&[\w:{}]+'


def rewriter(enums):
    callee = r'\b(?:drizzle::)?(?:pg|sqlite|mysql)::\w+|\b\w+Enum\b'
    if enums:
        callee += '|' + '|'.join(r'\b' + re.escape(e) + r'\b' for e in enums)
    column = re.compile(r'(?P<fn>' + callee + r')\((?P<ws>\s*)(?P<name>' + NAME + r')\s*,\s*(?P<member>' + MEMBER +
                        r')\s*(?P<end>\)|,\s*)', re.S)
    reference = re.compile(r'\.references\(\s*(' + MEMBER + r')\s*(\)|,\s*)')
    function = re.compile(r'\.(defaultFn|onUpdateFn)\(\s*(&?[\w:]+)\s*\)')
    enum_values = re.compile(r'\((' + NAME + r'), \{(?:\.length = (\d+), )?\.enumValues = (\{[^}]*\})\}\)')

    def column_call(m):
        fn = m.group('fn')
        head = f"{fn}<{m.group('member')}>" if '::' in fn else f"{fn}.column<{m.group('member')}>"
        return f"{head}({m.group('ws')}{m.group('name')}" + (')' if m.group('end') == ')' else ', ')

    def values(m):
        options = f", {{.length = {m.group(2)}}}" if m.group(2) else ""
        return f"({m.group(1)}{options}).enumValues({m.group(3)})"

    def rewrite(text):
        text = column.sub(column_call, text)
        text = enum_values.sub(values, text)
        text = reference.sub(lambda m: f".references<{m.group(1)}>(" + (')' if m.group(2) == ')' else ''), text)
        return function.sub(lambda m: f".{m.group(1)}<{m.group(2)}>()", text)

    return rewrite


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enum", action="append", default=[], help="a pg enum variable not ending in Enum")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    rewrite = rewriter(args.enum)
    for name in args.files:
        path = pathlib.Path(name)
        text = path.read_text()
        new = rewrite(text)
        if new != text:
            path.write_text(new)
            print("rewrote", name)


if __name__ == "__main__":
    main()
