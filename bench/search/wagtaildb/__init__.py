"""A throwaway Django app holding one indexed model, so Wagtail's database search backend can be
measured without building a page tree (the bench process creates its table with ``migrate --run-syncdb``).
"""
