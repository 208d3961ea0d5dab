"""A corpus of malformed SOP data folders and the problems each must report."""
