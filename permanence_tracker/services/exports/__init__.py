"""Files out: the SSDA903 return (``ssda903``) and Excel copies of table views (``excel``).
"""
