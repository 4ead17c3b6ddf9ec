"""Data files of the app (formats, template, samples), installed as a package so code finds them anywhere."""
