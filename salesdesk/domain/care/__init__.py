"""Customer care after the deposit: the follow-up plan (回访计划表), satisfaction score cards,
complaints and their handling procedure. Pure rules; the plan itself is project data."""
