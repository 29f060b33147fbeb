"""Benchmarks with the figures they must reach: ``python -m bench [--smoke] [names...]``.

Each ``bench/<name>.py`` has ``main(smoke: bool) -> bool | None`` printing its figures beside
their baseline (measured in the same run) and their limit; it returns False when a limit is
missed. ``NEEDS = ("sshd", ...)`` names programs it cannot run without (skipped when absent);
``main`` may also raise ``unittest.SkipTest(reason)``. With ``--smoke`` it runs tiny counts,
only to prove it works: limits are then reported but not enforced.
"""
