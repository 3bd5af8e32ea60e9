"""An interactive, sourced atlas of the Stalin era."""
