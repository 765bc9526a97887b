"""The ``zhengming`` command line (entry point ``zhengming.cli.main:main``)."""
