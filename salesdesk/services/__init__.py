"""Use cases: plain values in, frozen results out, one unit of work each. No Qt."""
