"""Disclosure screens: the itemised checklist with the customer's signature, the subscription
dialog behind the deposit gate, and the supervisor's audit page."""
