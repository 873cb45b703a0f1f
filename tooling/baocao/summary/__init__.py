"""``baocao tong-hop``: the board's own report on the form, built as a unit of its own."""
