"""The performance suite: each figure measured beside the bare library doing the same work.

Run with `python -m benchmarks [--quick] [--json FILE] [--only NAME ...]`; not part of the
test command, because timings on a shared machine are evidence, not pass/fail assertions.
"""
