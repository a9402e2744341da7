"""Pure rules and entities: no Qt, no SQL, no clock. Callers pass ``as_of`` dates in."""
