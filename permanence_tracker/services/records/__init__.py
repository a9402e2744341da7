"""Records: children, care episodes, reviews, plans, outcomes and IROs; editing them (checked and
audited), the change-of-status use cases, the look-ups the record dialogs need (queries) and the
child record read.
"""
