"""Pure computation of the knowledge base (no Django)."""
