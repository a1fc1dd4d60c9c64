"""Quantities in a text: amounts, ranges, changes and their units (``extract_quantities``)."""

from onrecord.extract.quantities.extract import Quantity, extract_quantities

__all__ = ["Quantity", "extract_quantities"]
