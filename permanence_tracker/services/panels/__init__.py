"""Panels: meetings, agenda items, recommendations and ADM decisions (commands), and what the panel
pages and sheets read (queries).
"""
