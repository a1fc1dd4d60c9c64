"""Check an `onrecord export --format ftm` file with the FollowTheMoney library itself.

    python -m venv .venv-ftm && .venv-ftm/bin/pip install followthemoney      (or: make ftm)
    .venv-ftm/bin/python scripts/validate_ftm.py dossier.ftm.json [--json]

followthemoney is not an onrecord dependency (it brings some 24 packages); this script runs in a
separate environment (tests/export/test_ftm_library.py runs it there) and reports entities per
schema, then every problem: an unknown schema or property, a value the property's type does not
accept (``prop.type.clean``), a required property missing, a reference to an entity the file does
not hold (dangling), or to one whose schema is outside the property's range (an ``UnknownLink``'s
``subject`` must be a ``Thing``, an ``Event``'s ``proof`` a ``Document``). Exit status 1 when there
is any; ``--json`` prints the counts as one JSON object.
"""

from __future__ import annotations

import json
import sys
from collections import Counter


def check(path: str) -> dict:
    from followthemoney import model

    schema_of: dict[str, object] = {}
    refs: list[tuple[str, str, object]] = []  # (where, target id, the property's range)
    schemas: Counter[str] = Counter()
    problems: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            data = json.loads(line)
            schema = model.get(data["schema"])
            if schema is None:
                problems.append(f"unknown schema {data['schema']}")
                continue
            schema_of[data["id"]] = schema
            schemas[schema.name] += 1
            props = data.get("properties", {})
            problems += [f"{schema.name} {data['id']}: required {name} missing"
                         for name in sorted(schema.required) if not props.get(name)]
            for name, values in props.items():
                prop = schema.get(name)
                if prop is None:
                    problems.append(f"unknown property {schema.name}.{name}")
                    continue
                problems += [f"invalid value {schema.name}.{name}: {v[:60]!r}" for v in values
                             if prop.type.clean(v) is None]
                if prop.type.name == "entity":
                    refs += [(f"{schema.name}.{name}", v, prop.range) for v in values]
    dangling = [f"{where} -> {target}" for where, target, _ in refs if target not in schema_of]
    off_range = [f"{where} -> {schema_of[target].name}" for where, target, wanted in refs  # type: ignore[attr-defined]
                 if target in schema_of and wanted is not None and not schema_of[target].is_a(wanted)]  # type: ignore[attr-defined]
    return {"entities": sum(schemas.values()), "schemas": dict(sorted(schemas.items())),
            "references": len(refs), "dangling": len(dangling), "off_range": len(off_range),
            "invalid": len(problems), "problems": (problems + dangling + off_range)[:50]}


def main(argv: list[str]) -> int:
    found = check(argv[0])
    if "--json" in argv[1:]:
        print(json.dumps(found))
    else:
        for p in found["problems"]:
            print(p)
        print(f"{found['entities']} entities {found['schemas']}; {found['invalid']} invalid; "
              f"{found['dangling']} dangling and {found['off_range']} out of range of {found['references']} references")
    return 1 if found["invalid"] or found["dangling"] or found["off_range"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
