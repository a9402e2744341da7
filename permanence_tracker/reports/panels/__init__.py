"""Panel reports: the outcome sheet, the panel summary and the panel figures."""
