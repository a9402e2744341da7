"""The main window's pages; each is a QWidget subclass of :class:`pages.base.Page`."""
