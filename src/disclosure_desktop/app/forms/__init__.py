"""Forms compiled from ../../../../ui/*.ui by ui/build_forms.py (automatically generated)."""
