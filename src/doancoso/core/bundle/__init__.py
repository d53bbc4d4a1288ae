"""Bundles (issue #17): data carried on a USB stick as one verified, encrypted file, and merged
into another copy. The rows and their merge: :mod:`.rows`, :mod:`.validate`, :mod:`.exchange`,
:mod:`.merge`, :mod:`.orgmerge`."""
