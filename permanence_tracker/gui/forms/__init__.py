"""Python forms compiled from the Qt Designer files in ui/ by scripts/build_ui (do not edit)."""
