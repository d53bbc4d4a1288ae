"""Bundles: an organisation's data carried on a USB stick as one verified, encrypted file (#17)."""
