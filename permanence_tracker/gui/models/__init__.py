"""Qt item models over frozen service rows; one source model feeds many proxies."""
