"""Print pip constraints that pin every runtime dependency to its declared lower bound.

Used by ``make test-lowest`` to check that the lower bounds in pyproject.toml
really work: ``pandas>=2.2`` becomes ``pandas==2.2.*``.
"""

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

meta = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
for spec in meta["project"]["dependencies"]:
    req = Requirement(spec)
    floor = next(s.version for s in req.specifier if s.operator == ">=")
    print(f"{req.name}=={floor}.*")
