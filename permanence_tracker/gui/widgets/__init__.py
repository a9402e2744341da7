"""Small reusable widgets for the pages."""
