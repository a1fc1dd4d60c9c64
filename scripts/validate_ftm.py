"""Check an `onrecord export --format ftm` file with the FollowTheMoney library itself.

    python -m venv /tmp/ftm && /tmp/ftm/bin/pip install followthemoney
    /tmp/ftm/bin/python scripts/validate_ftm.py dossier.ftm.json

followthemoney is not an onrecord dependency (it brings some 24 packages); this script runs in a
separate environment and reports entities per schema, invalid property values and dangling references.
"""

from __future__ import annotations

import json
import sys
from collections import Counter


def main(path: str) -> int:
    from followthemoney import model

    ids: set[str] = set()
    refs: list[str] = []
    schemas: Counter[str] = Counter()
    invalid = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            data = json.loads(line)
            proxy = model.get_proxy(data, cleaned=False)
            ids.add(proxy.id)
            schemas[proxy.schema.name] += 1
            for name, values in data.get("properties", {}).items():
                prop = proxy.schema.get(name)
                if prop is None:
                    invalid += 1
                    print(f"unknown property {data['schema']}.{name}")
                    continue
                for value in values:
                    if prop.type.clean(value) is None:
                        invalid += 1
                        print(f"invalid value {data['schema']}.{name}: {value[:60]!r}")
                if prop.type.name == "entity":
                    refs += values
    dangling = [r for r in refs if r not in ids]
    print(f"{sum(schemas.values())} entities {dict(schemas)}; {invalid} invalid; "
          f"{len(dangling)} dangling of {len(refs)} references")
    return 1 if invalid or dangling else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
