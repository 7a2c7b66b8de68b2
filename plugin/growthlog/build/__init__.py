"""THE BUILD, engine-neutral: which pages exist, what a rebuild must redo."""
