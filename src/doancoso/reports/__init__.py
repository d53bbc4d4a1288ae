"""Printed documents (PDF, reportlab): the union's document frame and the documents built on it.

Imports core, never Qt. Every document is set in the bundled Liberation Serif, embedded.
"""
