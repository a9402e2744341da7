"""Builders of synthetic test inputs (workbooks, 903 returns): no real data anywhere."""
