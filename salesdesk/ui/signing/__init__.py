"""The signing-materials screens: interview, checklist, printing."""
