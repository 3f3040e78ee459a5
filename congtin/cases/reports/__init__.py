"""Tổng hợp kiến nghị: the leaders' report in the admin, the public statistics page and the exports.

Reports read figures stored on each case when it closes (``figures``), never the clock row by row.
"""
