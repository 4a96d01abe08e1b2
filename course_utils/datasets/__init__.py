"""Small real data sets shipped with the course (files next to this module; see README.md here).

Load them with the functions in :mod:`course_utils.data`, e.g.
:func:`course_utils.data.load_german_credit`.
"""
