"""SOP AP site generator: YAML SOP data to an MkDocs + Material site."""
