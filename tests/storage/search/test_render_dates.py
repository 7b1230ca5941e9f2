"""Event dates as people write them, every shape of range, in both languages."""
import datetime as dt

import pytest

from storage.search.render_dates import format_date_range

D = dt.date


@pytest.mark.parametrize("start, end, ru, en", [
    (D(2031, 5, 4), D(2031, 5, 4), "4 мая 2031 г.", "May 4, 2031"),
    (D(2031, 5, 4), D(2031, 5, 6), "с 4 по 6 мая 2031 г.", "May 4–6, 2031"),
    (D(2031, 4, 28), D(2031, 5, 2), "с 28 апреля по 2 мая 2031 г.", "April 28, 2031 – May 2, 2031"),
    (D(2031, 12, 30), D(2032, 1, 3), "с 30 декабря 2031 г. по 3 января 2032 г.",
     "December 30, 2031 – January 3, 2032"),
    (D(2031, 5, 4), D(2032, 5, 6), "с 4 мая 2031 г. по 6 мая 2032 г.", "May 4, 2031 – May 6, 2032"),
])
def test_every_shape_of_range(start, end, ru, en):
    assert (format_date_range(start, end), format_date_range(start, end, "en")) == (ru, en)
