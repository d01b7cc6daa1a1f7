"""`python -m booklet`: the same command as the `booklet` console script."""
from booklet.cli import main

raise SystemExit(main())
