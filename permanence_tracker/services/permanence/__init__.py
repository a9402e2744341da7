"""Permanence across the cohort: every child's standing on a date, display rows, cohort filters,
the summary figures, the dashboard and IRO caseloads.
"""
