"""Arguments the marketplace root fields share."""

from typing import Annotated

import strawberry

# The marketplace's connections word their pagination arguments in their own way.
First = Annotated[int | None, strawberry.argument(description="Page size, from the start.")]
After = Annotated[str | None, strawberry.argument(description="Cursor to read after.")]
Last = Annotated[int | None, strawberry.argument(description="Page size, from the end.")]
Before = Annotated[str | None, strawberry.argument(description="Cursor to read before.")]

# Every mutation takes one `input`; its type documents each field.
INPUT = strawberry.argument(description="The mutation's input; see its type.")
