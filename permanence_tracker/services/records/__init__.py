"""Records: children, care episodes, reviews, plans, outcomes and IROs; editing them (checked and
audited), the change-of-status use cases, and the child record read.
"""
