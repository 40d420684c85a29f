"""The photo vault: safe decoding, lossless GPS removal, content-addressed storage, renditions.

Qt-free and database-free: `mesodesk.services.photos` records what this package stores.
"""
