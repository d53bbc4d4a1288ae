"""Vietnamese text and dates: NFC, folding, collation, legacy encodings, dd/mm/yyyy."""
