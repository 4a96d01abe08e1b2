"""Exercise questions, one module per notebook (``ex01`` for notebook 01, …).

Each module exposes the data the exercises use and the question objects
(``q1``, ``q2``, …) whose expected answers are computed from that data.
"""
