/* mc-date-text.c: dates as datasets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are days since 1970-01-01 in the proleptic Gregorian calendar, a
 * time of day a fraction of a day in UTC. They are read from ISO 8601 and
 * English written forms, and written in ISO 8601 at a column's precision.
 */
#include "config.h"

#include "mc-date-text.h"

#include <math.h>
#include <string.h>

/* Reading */

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar. */
static double
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (double) era * 146097 + doe - 719468;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
    return 29;
  return days[month - 1];
}

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

/* Reads between @min and @max digits. */
static gboolean
read_number (Cursor *c,
             int     min,
             int     max,
             int    *value)
{
  int n = 0;

  *value = 0;
  while (c->p < c->end && g_ascii_isdigit (*c->p) && n < max)
    {
      *value = *value * 10 + (*c->p++ - '0');
      n++;
    }
  return n >= min && !(c->p < c->end && g_ascii_isdigit (*c->p));
}

static gboolean
accept (Cursor *c,
        char    ch)
{
  if (c->p < c->end && *c->p == ch)
    {
      c->p++;
      return TRUE;
    }
  return FALSE;
}

/* "Z", "+01:00", "-0530" or nothing; the offset in seconds east of UTC. */
static gboolean
read_zone (Cursor *c,
           int    *offset)
{
  int sign, hours, minutes = 0;

  *offset = 0;
  if (c->p >= c->end || accept (c, 'Z'))
    return TRUE;
  if (*c->p != '+' && *c->p != '-')
    return FALSE;
  sign = (*c->p++ == '-') ? -1 : 1;
  if (!read_number (c, 2, 2, &hours) || hours > 23)
    return FALSE;
  if (c->p < c->end)
    {
      accept (c, ':');
      if (!read_number (c, 2, 2, &minutes) || minutes > 59)
        return FALSE;
    }
  *offset = sign * (hours * 3600 + minutes * 60);
  return TRUE;
}

/* "14:30", "14:30:05", "14:30:05.250" with an optional zone. */
static gboolean
read_time (Cursor *c,
           double *seconds)
{
  int h, m, s = 0, zone;
  double fraction = 0;

  if (!read_number (c, 2, 2, &h) || h > 23 || !accept (c, ':') ||
      !read_number (c, 2, 2, &m) || m > 59)
    return FALSE;
  if (accept (c, ':'))
    {
      if (!read_number (c, 2, 2, &s) || s > 60)
        return FALSE;
      if (accept (c, '.') || accept (c, ','))
        {
          double scale = 0.1;

          if (c->p >= c->end || !g_ascii_isdigit (*c->p))
            return FALSE;
          for (; c->p < c->end && g_ascii_isdigit (*c->p); c->p++, scale /= 10)
            fraction += (*c->p - '0') * scale;
        }
    }
  if (!read_zone (c, &zone) || c->p != c->end)
    return FALSE;
  *seconds = h * 3600 + m * 60 + s + fraction - zone;
  return TRUE;
}

/* ISO 8601: "2024", "2024-02", "2024-02-15", "2024-02-15T10:30:00Z";
 * also "2024/02/15". */
static gboolean
parse_iso_date (const char      *text,
                gsize            length,
                double          *days,
                McDatePrecision *precision)
{
  Cursor c = { text, text + length };
  int year, month, day;
  char sep;
  double seconds = 0;

  if (!read_number (&c, 4, 4, &year) || year < 1)
    return FALSE;
  if (c.p == c.end)
    {
      *days = days_from_civil (year, 1, 1);
      *precision = MC_DATE_YEAR;
      return TRUE;
    }

  sep = *c.p;
  if ((sep != '-' && sep != '/') || !accept (&c, sep) ||
      !read_number (&c, 1, 2, &month) || month < 1 || month > 12)
    return FALSE;
  if (c.p == c.end)
    {
      *days = days_from_civil (year, month, 1);
      *precision = MC_DATE_MONTH;
      return TRUE;
    }

  if (!accept (&c, sep) || !read_number (&c, 1, 2, &day) ||
      day < 1 || day > days_in_month (year, month))
    return FALSE;
  if (c.p != c.end)
    {
      if (!(accept (&c, 'T') || accept (&c, ' ')) || !read_time (&c, &seconds))
        return FALSE;
    }
  *days = days_from_civil (year, month, day) + seconds / 86400.0;
  *precision = MC_DATE_DAY;
  return TRUE;
}

/* Reading the usual dates fast */

static inline gboolean
two_digits (const char *p,
            int        *value)
{
  guint tens = (guchar) p[0] - '0', ones = (guchar) p[1] - '0';

  *value = tens * 10 + ones;
  return tens < 10 && ones < 10;
}

/* "YYYY-MM-DD", checked as parse_iso_date() checks it. */
static gboolean
scan_day (McDateScan *scan,
          const char *text)
{
  int century, year, month, day;

  /* The day of the row before, if any: an empty cache matches nothing. */
  if (scan->day[0] != '\0' && memcmp (text, scan->day, sizeof scan->day) == 0)
    return TRUE;
  if (!two_digits (text, &century) || !two_digits (text + 2, &year) || text[4] != '-'
      || !two_digits (text + 5, &month) || text[7] != '-' || !two_digits (text + 8, &day))
    return FALSE;
  year += century * 100;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month (year, month))
    return FALSE;
  memcpy (scan->day, text, sizeof scan->day);
  scan->days = days_from_civil (year, month, day);
  return TRUE;
}

/* " 10:30" or "T10:30:05", checked as read_time() checks it; returns
 * its length and the seconds, or 0. */
static gsize
scan_time (const char *text,
           const char *end,
           int        *seconds)
{
  int h, m, s = 0;
  gsize length = 6;

  if (end - text < 6 || (text[0] != 'T' && text[0] != ' ')
      || !two_digits (text + 1, &h) || h > 23 || text[3] != ':'
      || !two_digits (text + 4, &m) || m > 59)
    return 0;
  if (end - text >= 9 && text[6] == ':')
    {
      if (!two_digits (text + 7, &s) || s > 60)
        return 0;
      length = 9;
    }
  if (text + length < end && text[length] == 'Z')
    length++;
  *seconds = h * 3600 + m * 60 + s;
  return length;
}

/**
 * mc_date_text_scan:
 * @scan: what the last call read, zeroed at first
 * @end: the end of the text
 *
 * Reads the usual ISO date or date and time at the start of @text fast:
 * "2024-02-15", "2024-02-15T10:30", "2024-02-15 10:30:05", with an
 * optional "Z". The caller checks that the cell ends there; other forms
 * (fractions of seconds, zones, months) are read by mc_date_text_parse(),
 * which gives the same @days for these.
 *
 * Returns: how many bytes the date takes, 0 when @text does not start
 *   with one of these forms
 */
gsize
mc_date_text_scan (McDateScan *scan,
                   const char *text,
                   const char *end,
                   double     *days)
{
  gsize time_length;
  int seconds = 0;

  if (end - text < 10 || !scan_day (scan, text))
    return 0;
  time_length = scan_time (text + 10, end, &seconds);
  /* As parse_iso_date() adds the time: a double of whole seconds. */
  *days = scan->days + (double) seconds / 86400.0;
  return 10 + time_length;
}

static int
lookup_month (const char *word,
              gsize       length)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };

  for (int i = 0; i < 12; i++)
    {
      gsize full = strlen (months[i]);

      if ((length == full || length == 3) &&
          g_ascii_strncasecmp (months[i], word, length) == 0)
        return i + 1;
    }
  if (length == 4 && g_ascii_strncasecmp (word, "sept", 4) == 0)
    return 9;
  return 0;
}

typedef struct
{
  const char *start;
  gsize       length;
  gboolean    digits;
} Token;

/* Splits "15 Feb. 2024" or "February 15, 2024" into words and numbers. */
static guint
tokenize (const char *text,
          gsize       length,
          Token      *tokens,
          guint       max_tokens)
{
  const char *p = text, *end = text + length;
  guint n = 0;

  while (p < end)
    {
      const char *start = p;

      if (strchr (" ,.-/", *p) != NULL)
        {
          p++;
          continue;
        }
      if (n == max_tokens)
        return max_tokens + 1;
      if (g_ascii_isdigit (*p))
        {
          while (p < end && g_ascii_isdigit (*p))
            p++;
          /* Ordinal suffixes: 1st, 2nd, 3rd, 15th */
          if (end - p >= 2 && g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]) &&
              (p + 2 == end || !g_ascii_isalpha (p[2])) &&
              strchr ("snrtSNRT", p[0]) != NULL)
            {
              tokens[n++] = (Token) { start, p - start, TRUE };
              p += 2;
              continue;
            }
          tokens[n++] = (Token) { start, p - start, TRUE };
        }
      else if (g_ascii_isalpha (*p))
        {
          while (p < end && g_ascii_isalpha (*p))
            p++;
          tokens[n++] = (Token) { start, p - start, FALSE };
        }
      else
        return max_tokens + 1;
    }
  return n;
}

static int
token_number (const Token *token)
{
  int value = 0;

  for (gsize i = 0; i < token->length && i < 9; i++)
    value = value * 10 + (token->start[i] - '0');
  return value;
}

static gboolean
is_year (const Token *token)
{
  return token->digits && token->length == 4 && token_number (token) >= 1;
}

static gboolean
is_day (const Token *token)
{
  return token->digits && token->length <= 2;
}

/* Reads a year of four digits at @p, and moves past it. */
static gboolean
read_year (const char **p,
           const char  *end,
           int         *year)
{
  Cursor c = { *p, end };

  if (!read_number (&c, 4, 4, year) || *year < 1)
    return FALSE;
  *p = c.p;
  return TRUE;
}

/* Reads "Q1" to "Q4" (or "q1") at @p, and moves past it. */
static gboolean
read_quarter (const char **p,
              const char  *end,
              int         *quarter)
{
  if (end - *p < 2 || g_ascii_toupper ((*p)[0]) != 'Q' || (*p)[1] < '1' || (*p)[1] > '4')
    return FALSE;
  *quarter = (*p)[1] - '0';
  *p += 2;
  return TRUE;
}

static void
skip_separator (const char **p,
                const char  *end)
{
  if (*p < end && (**p == ' ' || **p == '-' || **p == '/'))
    (*p)++;
}

/* Quarters as reports write them: "Q1 2024", "Q1-2024", "2024 Q1",
 * "2024-Q1" (as the writer does), "2024Q1"; a quarter is its first day. */
static gboolean
parse_quarter (const char      *text,
               gsize            length,
               double          *days,
               McDatePrecision *precision)
{
  const char *p = text, *end = text + length;
  int year = 0, quarter = 0;

  if (read_quarter (&p, end, &quarter))
    {
      skip_separator (&p, end);
      if (!read_year (&p, end, &year))
        return FALSE;
    }
  else
    {
      if (!read_year (&p, end, &year))
        return FALSE;
      skip_separator (&p, end);
      if (!read_quarter (&p, end, &quarter))
        return FALSE;
    }
  if (p != end)
    return FALSE;
  *days = days_from_civil (year, (quarter - 1) * 3 + 1, 1);
  *precision = MC_DATE_QUARTER;
  return TRUE;
}

/* Whether @text is digits and the separators between them, no word. */
static gboolean
only_numbers (const char *text,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && text[i] != ' ' && text[i] != ',' && text[i] != '.'
        && text[i] != '-' && text[i] != '/')
      return FALSE;
  return TRUE;
}

/* "January 2024", "Feb 2024", "15 Feb 2024", "Feb 15, 2024" */
static gboolean
parse_written_date (const char      *text,
                    gsize            length,
                    double          *days,
                    McDatePrecision *precision)
{
  Token t[3];
  guint n;
  int month = 0, day = 0, year = 0;

  /* Every form names its month: numbers alone ("15.03.2024", read in
   * the order their column allows) are not written dates. */
  if (only_numbers (text, length))
    return FALSE;
  n = tokenize (text, length, t, G_N_ELEMENTS (t));

  if (n == 2 && !t[0].digits && is_year (&t[1]))
    {
      month = lookup_month (t[0].start, t[0].length);
      year = token_number (&t[1]);
    }
  else if (n == 3 && is_day (&t[0]) && !t[1].digits && is_year (&t[2]))
    {
      day = token_number (&t[0]);
      month = lookup_month (t[1].start, t[1].length);
      year = token_number (&t[2]);
    }
  else if (n == 3 && !t[0].digits && is_day (&t[1]) && is_year (&t[2]))
    {
      month = lookup_month (t[0].start, t[0].length);
      day = token_number (&t[1]);
      year = token_number (&t[2]);
    }
  if (month == 0)
    return FALSE;

  if (n == 2)
    {
      *days = days_from_civil (year, month, 1);
      *precision = MC_DATE_MONTH;
      return TRUE;
    }
  if (day < 1 || day > days_in_month (year, month))
    return FALSE;
  *days = days_from_civil (year, month, day);
  *precision = MC_DATE_DAY;
  return TRUE;
}

/**
 * mc_date_text_parse_numeric:
 * @text: a date written in numbers, day and month in either order, then
 *   a year of four digits: "15/02/2024", "2/15/2024", "15.02.2024",
 *   "15-02-2024" (one separator throughout)
 * @length: its length in bytes
 * @orders: the orders it may be read in
 * @days: (out) (optional): days since 1970-01-01, in the first of the
 *   orders it can be read in (day first before month first)
 * @precision: (out) (optional): %MC_DATE_DAY
 *
 * Such dates cannot say their order alone; a column of them can, once
 * one of its dates has a day above 12.
 *
 * Returns: the orders of @orders the text can be read in: none when it
 *   is no such date
 */
McDateOrder
mc_date_text_parse_numeric (const char      *text,
                            gsize            length,
                            McDateOrder      orders,
                            double          *days,
                            McDatePrecision *precision)
{
  Cursor c = { text, text + length };
  int first, second, year;
  char separator;
  McDateOrder fits = 0;

  if (!read_number (&c, 1, 2, &first) || c.p == c.end || strchr ("/.-", *c.p) == NULL)
    return 0;
  separator = *c.p++;
  if (!read_number (&c, 1, 2, &second) || !accept (&c, separator)
      || !read_number (&c, 4, 4, &year) || c.p != c.end || year < 1)
    return 0;
  if ((orders & MC_DATE_ORDER_DAY_FIRST) && second >= 1 && second <= 12
      && first >= 1 && first <= days_in_month (year, second))
    fits |= MC_DATE_ORDER_DAY_FIRST;
  if ((orders & MC_DATE_ORDER_MONTH_FIRST) && first >= 1 && first <= 12
      && second >= 1 && second <= days_in_month (year, first))
    fits |= MC_DATE_ORDER_MONTH_FIRST;
  if (fits != 0 && days != NULL)
    *days = fits & MC_DATE_ORDER_DAY_FIRST ? days_from_civil (year, second, first)
                                           : days_from_civil (year, first, second);
  if (fits != 0 && precision != NULL)
    *precision = MC_DATE_DAY;
  return fits;
}

/**
 * mc_date_text_parse:
 * @text: a date as written in a dataset, not necessarily NUL-terminated
 * @length: its length in bytes
 * @days: (out) (optional): days since 1970-01-01
 * @precision: (out) (optional): how much of the date was given
 *
 * Accepts ISO 8601 ("2024", "2024-02", "2024-02-15", optionally with a time
 * "2024-02-15T10:30:00Z", which is kept as a fraction of the day, in UTC),
 * "2024/02/15", quarters ("2024-Q1", "Q1 2024", "2024 Q1"), and English
 * written forms: "February 2024", "Feb 2024",
 * "15 Feb 2024", "15 February 2024", "Feb 15, 2024". Day and month numbers
 * are checked ("2024-02-30" is not a date). Dates of numbers such as
 * "2/15/2024" are refused because their order is ambiguous alone (a
 * column of them is read with mc_date_text_parse_numeric()). Spaces
 * around the date are ignored.
 *
 * Returns: %TRUE if @text is a date
 */
gboolean
mc_date_text_parse (const char      *text,
                    gsize            length,
                    double          *days,
                    McDatePrecision *precision)
{
  double d;
  McDatePrecision p;

  while (length > 0 && g_ascii_isspace (*text))
    text++, length--;
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  if (length == 0 || length > 64)
    return FALSE;

  if (!parse_iso_date (text, length, &d, &p) && !parse_quarter (text, length, &d, &p)
      && !parse_written_date (text, length, &d, &p))
    return FALSE;

  if (days)
    *days = d;
  if (precision)
    *precision = p;
  return TRUE;
}

/* Writing */

/* The date of a day number, the inverse of days_from_civil(). */
static void
civil_from_days (gint64  z,
                 int    *y,
                 int    *m,
                 int    *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

/* "T10:30:00Z", or with @digits digits of a second: the time of
 * @seconds past midnight. FALSE when it rounds up to the next day. */
static gboolean
format_time (GString *out,
             double   seconds,
             int      digits)
{
  gint64 unit = 1, units, h, m, s;

  for (int i = 0; i < digits; i++)
    unit *= 10;
  units = llround (seconds * unit);
  h = units / (3600 * unit);
  m = units / (60 * unit) % 60;
  s = units / unit % 60;
  if (h >= 24)
    return FALSE;
  g_string_append_printf (out, "T%02d:%02d:%02d", (int) h, (int) m, (int) s);
  if (digits > 0)
    g_string_append_printf (out, ".%0*" G_GINT64_FORMAT, digits, units % unit);
  g_string_append_c (out, 'Z');
  return TRUE;
}

/* A time of day as a text that reads back as the same day number: the
 * fewest digits of a second that do, else as many as a date takes. */
static void
append_time (GString *out,
             double   days,
             double   day)
{
  gsize date_length = out->len;

  for (int digits = 0; digits <= 9; digits++)
    {
      double parsed;

      g_string_truncate (out, date_length);
      if (format_time (out, (days - day) * 86400.0, digits)
          && mc_date_text_parse (out->str, out->len, &parsed, NULL) && parsed == days)
        return;
    }
  g_string_truncate (out, date_length);
  format_time (out, MIN ((days - day) * 86400.0, 86399.999999999), 9);
}

/**
 * mc_date_text_format:
 * @days: days since 1970-01-01
 * @precision: how much of the date to write
 *
 * Writes a date as mc_date_text_parse() reads it: "2024", "2024-Q1",
 * "2024-02" or "2024-02-15", and a time of day in UTC when @days has one and
 * @precision is %MC_DATE_DAY ("2024-02-15T10:30:00Z").
 *
 * Returns: (transfer full): the text
 */
char *
mc_date_text_format (double          days,
                     McDatePrecision precision)
{
  GString *out;
  double day = floor (days);
  int y, m, d;

  g_return_val_if_fail (isfinite (days), NULL);

  out = g_string_new (NULL);
  civil_from_days ((gint64) day, &y, &m, &d);
  g_string_append_printf (out, "%04d", y);
  if (precision == MC_DATE_QUARTER)
    g_string_append_printf (out, "-Q%d", (m - 1) / 3 + 1);
  if (precision >= MC_DATE_MONTH)
    g_string_append_printf (out, "-%02d", m);
  if (precision >= MC_DATE_DAY)
    {
      g_string_append_printf (out, "-%02d", d);
      if (days != day)
        append_time (out, days, day);
    }
  return g_string_free (out, FALSE);
}
