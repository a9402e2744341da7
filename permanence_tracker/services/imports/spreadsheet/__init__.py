"""Spreadsheet import: bring an authority's own tracker spreadsheet (.xlsx, .xlsm, .xls, .ods or
.csv) into the tracker, previewed before anything is written.

Flow: :mod:`.reading` lists a file's sheets and reads one into plain rows (cached cell values,
never a formula run); :mod:`.layout` finds the table in those rows (the header row below any
title rows, the data rows without the totals, notes and blank rows); :mod:`.fields` maps the
headers to the tracker's fields and :mod:`.values` reads the values as people type them; the
engine (preview, commit, saved mappings) turns the rows into records in one unit of work.
"""
