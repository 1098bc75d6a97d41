"""Pure computation of the channels module (no Django import)."""
