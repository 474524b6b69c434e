"""pucli: a county policy plan as data that can be checked, tracked and projected."""

__version__ = "0.1.0"
