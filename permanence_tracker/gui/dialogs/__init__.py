"""Dialogs that add and edit a child's records, built from the Qt Designer forms in ui/."""
