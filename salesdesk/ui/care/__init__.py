"""Customer care screens: follow-up tasks, the kiosk score card, satisfaction figures,
complaints, handover."""
