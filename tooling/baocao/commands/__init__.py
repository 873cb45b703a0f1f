"""One module per ``baocao`` subcommand."""
