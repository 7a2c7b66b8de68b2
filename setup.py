"""What pyproject.toml cannot say: the sample journal goes into the wheel.

The sample journal lives once, in the repository's entries/ (the journal this
repository runs and tests). `growthlog init --sample` needs it in an installed
package, so building the package copies it to growthlog/starter/sample/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SAMPLE = Path(__file__).parent / "entries"


class BuildWithSample(build_py):
    """build_py, plus the sample entries copied into the package."""

    def run(self) -> None:
        super().run()
        # An editable install reads the repository's entries/ itself (starter/new_journal.py).
        if not getattr(self, "editable_mode", False):
            target = Path(self.build_lib, "growthlog", "starter", "sample")
            shutil.copytree(SAMPLE, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithSample})
