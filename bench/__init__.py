"""Benchmarks: each ``bench_*.py`` module's ``main()`` prints figures as ratios to a baseline.

Run them with ``uv run python -m bench`` (all) or ``uv run python -m bench listing`` (one).
"""
