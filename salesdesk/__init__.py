"""SalesDesk: the on-site sales centre desktop application."""

__version__ = "0.1.0"
