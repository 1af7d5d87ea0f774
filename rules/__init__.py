"""The built-in rule plugins of repro-lint, one module per criterion (installed as ``repro_lint.rules``).

Each module is a pluggy plugin registered through the ``repro_lint`` entry-point group, exactly like a
third-party plugin. Nothing here is imported until the plugin manager loads the entry points.
"""
