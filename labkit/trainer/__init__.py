"""Trainer tools for a workshop on JupyterHub: nbgitpuller links, the cohort view, gathering trainees' work."""
