"""Speed and memory benchmarks: ``python -m benchmarks`` prints a table. Not run by pytest."""
