"""The customer's data (issue 15 §1): the export log on the audit page."""
