#!/usr/bin/env python3
"""Rewrites schema headers from the older declaration spelling to the current one, in place.

    pg::integer("org_id", &User::orgId).references(&Org::id, {...})
 -> pg::integer<&User::orgId>("org_id").references<&Org::id>({...})

Also `moodEnum("mood", &T::m)` -> `moodEnum.column<&T::m>("mood")` (any variable whose name
ends in Enum; name others with --enum NAME), `.defaultFn(&f)` -> `.defaultFn<&f>()` (and
onUpdateFn), and a text column's `{.enumValues = {...}}` option -> `.enumValues({...})`.

Table extras take their members as template arguments too:
    index("i").on(&T::a, &T::b)           -> index("i").on<&T::a, &T::b>()
    index("i").on(col(&T::a).desc(), &T::b) -> index("i").on(col<&T::a>().desc(), col<&T::b>())
    primaryKey(&T::a, &T::b)              -> primaryKey<&T::a, &T::b>()
    unique(&T::a).name("u")               -> unique("u").on<&T::a>()
    sqlite::uniqueConstraint(&T::a)       -> sqlite::uniqueConstraint().on<&T::a>()
    foreignKey(cols(&T::a), cols(&U::b)).name("f") -> foreignKey("f").columns<&T::a>().foreignColumns<&U::b>()

and the declaring functions take Drizzle's names: pg::table -> pg::pgTable, sqlite::view ->
sqlite::sqliteView, pg::sequence / role / policy / schema -> pg::pgSequence / pgRole / ...
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

    members = MEMBER + r'(?:\s*,\s*' + MEMBER + r')*'
    on_members = re.compile(r'\.on\(\s*(' + members + r')\s*\)')
    col_call = re.compile(r'\b((?:\w+::)*)(?:col|IndexColumn)\(\s*(' + MEMBER + r')\s*\)')
    bare_member = re.compile(r'(^|,)(\s*)(' + MEMBER + r')(\s*)(?=,|$)')
    primary_key = re.compile(r'(?<![.\w])((?:\w+::)*primaryKey)\(\s*(' + members + r')\s*\)')
    chain_name = r'(?P<chain>(?:\s*\.(?:nullsNotDistinct|onDelete|onUpdate)\([^()]*\))*)\s*\.name\((?P<name>' + NAME + r')\)'
    unique = re.compile(r'(?<![.\w])(?P<fn>(?:\w+::)*(?:unique|uniqueConstraint))\(\s*(?P<members>' + members +
                        r')\s*\)(?:' + chain_name + r')?')
    foreign_key = re.compile(r'(?<![.\w])(?P<fn>(?:\w+::)*foreignKey)\(\s*(?:\w+::)*cols\(\s*(?P<from>' + members +
                             r')\s*\)\s*,\s*(?:\w+::)*cols\(\s*(?P<to>' + members + r')\s*\)\s*\)(?:' + chain_name + r')?')

    def on_call(m):
        args = m.group(1)
        if re.fullmatch(r'\s*' + members + r'\s*', args):
            return '.on<' + ', '.join(a.strip() for a in args.split(',')) + '>()'
        # Some columns have options or are expressions: members become col<&T::m>().
        args = col_call.sub(lambda c: f"{c.group(1)}col<{c.group(2)}>()", args)
        parts, depth, start = [], 0, 0
        for i, ch in enumerate(args):
            depth += ch == '(' or ch == '{'
            depth -= ch == ')' or ch == '}'
            if ch == ',' and depth == 0:
                parts.append(args[start:i])
                start = i + 1
        parts.append(args[start:])
        parts = [re.sub(r'^(\s*)(' + MEMBER + r')(\s*)$', r'\1drizzle::col<\2>()\3', p) for p in parts]
        # Members with an order only: template arguments too (constant data).
        key = r'\s*(?:\w+::)*col<' + MEMBER + r'>\(\)(?:\.(?:asc|desc|nullsFirst|nullsLast)\(\))*\s*'
        if all(re.fullmatch(key, p) for p in parts):
            return '.on<' + ', '.join(p.strip() for p in parts) + '>()'
        return '.on(' + ','.join(parts) + ')'

    def unique_call(m):
        name = m.group('name') or ''
        return f"{m.group('fn')}({name}).on<{m.group('members')}>(){m.group('chain') or ''}"

    def foreign_key_call(m):
        name = m.group('name') or ''
        return (f"{m.group('fn')}({name}).columns<{m.group('from')}>().foreignColumns<{m.group('to')}>()"
                f"{m.group('chain') or ''}")

    def on_calls(text):
        # Each `.on(...)` up to its closing parenthesis (strings skipped): arguments nest.
        out, at = [], 0
        for m in re.finditer(r'\.on\(', text):
            if m.start() < at:
                continue
            depth, i, quote = 1, m.end(), None
            while i < len(text) and depth:
                ch = text[i]
                if quote:
                    quote = None if ch == quote and text[i - 1] != '\\' else quote
                elif ch in '"\'':
                    quote = ch
                else:
                    depth += (ch == '(') - (ch == ')')
                i += 1
            if depth:
                continue
            out.append(text[at:m.start()])
            out.append(on_call(re.match(r'(.*)', text[m.end():i - 1], re.S)))
            at = i
        out.append(text[at:])
        return ''.join(out)

    drizzle_names = [
        (re.compile(r'\b(pg|sqlite|mysql)::(table|view)<'), lambda m: f"{m.group(1)}::{m.group(1)}{m.group(2).title()}<"),
        (re.compile(r'\bpg::materializedView<'), lambda m: "pg::pgMaterializedView<"),
        (re.compile(r'\bpg::(sequence|role|policy|schema)\('), lambda m: f"pg::pg{m.group(1).title()}("),
    ]

    def rewrite(text):
        for pattern, name in drizzle_names:
            text = pattern.sub(name, text)
        text = on_calls(text)
        text = primary_key.sub(lambda m: f"{m.group(1)}<{m.group(2)}>()", text)
        text = unique.sub(unique_call, text)
        text = foreign_key.sub(foreign_key_call, text)
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
