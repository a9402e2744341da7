"""Files in: the SSDA903 return (``ssda903``); the legacy spreadsheet import will live beside it.
"""
