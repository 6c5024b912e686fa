"""The ``blog-archiver`` subcommands, one module each; ``archive._cli`` wires them up."""

__all__: list[str] = []
