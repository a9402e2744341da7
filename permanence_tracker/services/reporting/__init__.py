"""Reporting inputs: what each printed report needs, gathered through the other contexts as frozen
rows.
"""
