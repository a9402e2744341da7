"""The Panels page, its actions, dialogs and table model."""
