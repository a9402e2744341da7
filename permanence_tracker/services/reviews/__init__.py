"""Reviews and the statutory timetable: what is due, overdue or held, by week and by IRO.
"""
