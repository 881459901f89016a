"""Pairing: a PETio unit shows a PIN, its owner claims it in the app, the unit fetches its key."""
