"""Plain values and business rules. Imports nothing from the other layers, no Qt, no SQL."""
