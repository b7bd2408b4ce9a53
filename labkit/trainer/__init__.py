"""Trainer tools: nbgitpuller links, trainee accounts, the cohort view and the anonymous benchmark.

* :mod:`~labkit.trainer.links` -- nbgitpuller links for a workshop; a pull keeps trainees' work;
* :mod:`~labkit.trainer.accounts` -- checking a list of names, creating system users in bulk;
* :mod:`~labkit.trainer.cohort` -- every trainee's saved work from the exchange folder, the
  workbook for the workshop report, the anonymous peer benchmark.
"""

from labkit.trainer.links import app_links, pull_link, verify_pull, workshop_links

__all__ = ["app_links", "pull_link", "verify_pull", "workshop_links"]
