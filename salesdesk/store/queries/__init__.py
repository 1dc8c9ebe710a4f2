"""Every query of the application, grouped by capability. Services ask these functions; they do
not build ``select()`` themselves, so each question the product asks is written once."""
