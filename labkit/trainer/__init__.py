"""Trainer tools: nbgitpuller links for a workshop and the check that a pull keeps trainees' work.

(The cohort view and the hub's deployment are still to come: see issue 13 and docs/hub.md.)
"""

from labkit.trainer.links import pull_link, verify_pull, workshop_links

__all__ = ["pull_link", "verify_pull", "workshop_links"]
