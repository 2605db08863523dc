#!/usr/bin/env python3
"""Where a wasm module's code size goes: function body sizes, by crate and by function.

Reads the module's `name` section (a build with names kept, see `scripts/bench/bundle-profile.sh`)
and the code section, and prints the largest crates (the first path segment of each function's
demangled name, generic arguments folded in) and the largest functions. Needs only Python: it
parses the binary format itself, so no profiler has to be installed.

Usage: wasm_sizes.py MODULE.wasm [--top N] [--crate NAME]
"""

import argparse
import collections
import re
import sys


def leb(data, pos):
    """An unsigned LEB128 number at `pos`: (value, position after it)."""
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def sections(data):
    """(id, custom-section name or None, payload) for each section."""
    pos = 8
    while pos < len(data):
        sid = data[pos]
        size, pos = leb(data, pos + 1)
        payload = data[pos : pos + size]
        name = None
        if sid == 0:
            length, at = leb(payload, 0)
            name = payload[at : at + length].decode("utf-8", "replace")
            payload = payload[at + length :]
        yield sid, name, payload
        pos += size


def imported_functions(payload):
    count, pos = leb(payload, 0)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            length, pos = leb(payload, pos)
            pos += length
        kind = payload[pos]
        pos += 1
        if kind == 0:  # function: type index
            _, pos = leb(payload, pos)
            functions += 1
        elif kind == 1:  # table: element type, limits
            pos += 1
            flags, pos = leb(payload, pos)
            _, pos = leb(payload, pos)
            if flags & 1:
                _, pos = leb(payload, pos)
        elif kind == 2:  # memory: limits
            flags, pos = leb(payload, pos)
            _, pos = leb(payload, pos)
            if flags & 1:
                _, pos = leb(payload, pos)
        elif kind == 3:  # global: type, mutability
            pos += 2
        elif kind == 4:  # tag
            pos += 1
            _, pos = leb(payload, pos)
    return functions


def body_sizes(payload):
    count, pos = leb(payload, 0)
    sizes = []
    for _ in range(count):
        size, pos = leb(payload, pos)
        sizes.append(size)
        pos += size
    return sizes


def function_names(payload):
    names = {}
    pos = 0
    while pos < len(payload):
        sub = payload[pos]
        size, pos = leb(payload, pos + 1)
        if sub == 1:
            count, at = leb(payload, pos)
            for _ in range(count):
                index, at = leb(payload, at)
                length, at = leb(payload, at)
                names[index] = payload[at : at + length].decode("utf-8", "replace")
                at += length
        pos += size
    return names


def legacy_path(name):
    """The path segments of a legacy-mangled symbol (`_ZN3app4i18n7catalogE` → app, i18n, catalog)."""
    segments, pos = [], 3
    while pos < len(name) and name[pos].isdigit():
        digits = re.match(r"\d+", name[pos:]).group(0)
        pos += len(digits)
        segments.append(name[pos : pos + int(digits)])
        pos += int(digits)
    return segments


def readable(segment):
    for code, text in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$C$", ","), ("$u7b$", "{"), ("$u7d$", "}"), ("..", "::")):
        segment = segment.replace(code, text)
    return segment


def owner_path(name):
    """The module path a function's code belongs to: for `<impl Trait for Type>::f`, the type's."""
    if name.startswith("_ZN"):
        segments = [readable(s) for s in legacy_path(name)]
        if segments and "<" in segments[0]:
            inner = segments[0][segments[0].index("<") + 1 :]
            inner = inner.split(" for ")[-1] if " for " in inner else inner
            inner = re.sub(r"^(impl |&|mut |dyn )+", "", inner)
            return [p for p in re.split(r"::|<", inner) if p][:3]
        return segments
    if name.startswith("_R"):
        return [m.group(2)[: int(m.group(1))] for m in re.finditer(r"C[s][0-9A-Za-z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)", name)][:1] or ["(other)"]
    return re.split(r"::", name)[:3]


def crate_of(name, depth=1):
    path = owner_path(name)
    path = [p for p in path if p and not p[0].isdigit()] or ["(other)"]
    if path[0] == "app" and depth == 1:
        depth = 2  # the app's own code, by module
    return "::".join(path[:depth])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("module")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--crate", help="list only this crate's functions")
    args = parser.parse_args()
    data = open(args.module, "rb").read()
    if data[:4] != b"\0asm":
        sys.exit(f"{args.module} is not a wasm module")
    imports, sizes, names, other = 0, [], {}, collections.Counter()
    for sid, custom, payload in sections(data):
        if sid == 2:
            imports = imported_functions(payload)
        elif sid == 10:
            sizes = body_sizes(payload)
        elif custom == "name":
            names = function_names(payload)
        else:
            other[custom or f"section {sid}"] += len(payload)
    if not names:
        sys.exit("no name section: build with names kept (scripts/bench/bundle-profile.sh)")
    functions = [(size, names.get(imports + i, f"func[{imports + i}]")) for i, size in enumerate(sizes)]
    total = sum(size for size, _ in functions)
    print(f"{args.module}: {len(data) / 1024:.1f} KiB, code {total / 1024:.1f} KiB in {len(functions)} functions")
    for what, size in other.most_common(4):
        print(f"  {what}: {size / 1024:.1f} KiB")
    if args.crate:
        functions = [f for f in functions if crate_of(f[1]) == args.crate]
    else:
        by_crate = collections.Counter()
        for size, name in functions:
            by_crate[crate_of(name)] += size
        print(f"\nlargest crates (code bytes):")
        for crate, size in by_crate.most_common(args.top):
            print(f"  {size / 1024:8.1f} KiB  {size / total:5.1%}  {crate}")
    print(f"\nlargest functions:")
    for size, name in sorted(functions, reverse=True)[: args.top]:
        print(f"  {size / 1024:8.1f} KiB  {name[:160]}")


if __name__ == "__main__":
    main()
