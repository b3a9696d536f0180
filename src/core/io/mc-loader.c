/* mc-loader.c: read datasets from JSON and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds the entry points, file access, error messages, dates and
 * the default chart. The JSON format is read in mc-loader-json.c and CSV
 * data in mc-loader-csv.c.
 */
#include "config.h"

#include "mc-loader.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-loader-private.h"
#include "mc-text.h"

/* Files are read in pieces of this size, with a check for cancellation
 * between them. */
#define READ_CHUNK_SIZE (8 * 1024 * 1024)
/* The first allocation when the size of a file is not known in advance. */
#define READ_INITIAL_SIZE (64 * 1024)

G_DEFINE_QUARK (mc-loader-error-quark, mc_loader_error)

/* Messages and positions */

/**
 * mc_loader_position:
 * @text: the whole text of a file
 * @length: its length
 * @offset: a byte offset into @text, on a character boundary
 * @line: (out): 1-based line number; CR LF, LF and CR each end a line
 * @column: (out): 1-based column, counted in characters
 */
void
mc_loader_position (const char *text,
                    gsize       length,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  gsize line_start = 0;
  guint n_lines = 1;

  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
        {
          n_lines++;
          line_start = i + 1;
        }
    }
  *line = n_lines;
  *column = g_utf8_strlen (text + line_start, offset - line_start) + 1;
}

char *
mc_loader_format_message (const char *name,
                          guint       line,
                          guint       column,
                          const char *message)
{
  if (line == 0)
    return g_strdup_printf ("%s: %s", name, message);
  return g_strdup_printf ("%s:%u:%u: %s", name, line, column, message);
}

void
mc_loader_set_error (GError        **error,
                     McLoaderError   code,
                     const char     *name,
                     guint           line,
                     guint           column,
                     const char     *format,
                     ...)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  full = mc_loader_format_message (name, line, column, message);
  g_set_error_literal (error, MC_LOADER_ERROR, code, full);
}

void
mc_loader_propagate_csv_error (GError     **error,
                               GError      *csv_error,
                               const char  *name)
{
  McLoaderError code = MC_LOADER_ERROR_SYNTAX;

  if (csv_error->domain == MC_CSV_ERROR && csv_error->code == MC_CSV_ERROR_TOO_LARGE)
    code = MC_LOADER_ERROR_TOO_LARGE;
  else if (csv_error->domain != MC_CSV_ERROR)
    {
      g_propagate_error (error, csv_error);
      return;
    }

  /* The CSV reader's messages already start with "line:column: ". */
  g_set_error (error, MC_LOADER_ERROR, code, "%s:%s", name, csv_error->message);
  g_error_free (csv_error);
}

/**
 * mc_loader_check_text:
 *
 * Checks that @text is UTF-8 without NUL bytes, and names the position of
 * the first bad byte otherwise.
 */
gboolean
mc_loader_check_text (const char  *name,
                      const char  *text,
                      gsize        length,
                      GError     **error)
{
  const char *end = NULL;
  guint line, column;

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;

  mc_loader_position (text, length, end - text, &line, &column);
  if (*end == '\0')
    mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, line, column,
                         _("NUL byte in the text; this looks like a binary file"));
  else
    mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, line, column,
                         _("invalid UTF-8 (byte 0x%02X); save the file as UTF-8"),
                         (guchar) *end);
  return FALSE;
}

/* “text” for messages, shortened to 40 characters. */
char *
mc_loader_describe_text (const char *text,
                         gsize       length)
{
  g_autofree char *shown = mc_text_shorten (text, length, 40);

  return g_strdup_printf ("“%s”", shown);
}

/* Identifiers */

gboolean
mc_loader_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 256)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/* A safe id from a header or file name: "Share price (HKD)" -> "share_price_hkd". */
char *
mc_loader_make_id (const char *text,
                   const char *fallback)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");
  GString *id = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = ascii; *p && id->len < 64; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && id->len > 0)
            g_string_append_c (id, '_');
          g_string_append_c (id, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }
  if (id->len == 0)
    g_string_assign (id, fallback);
  return g_string_free (id, FALSE);
}

/* Booleans */

gboolean
mc_loader_parse_boolean (const char *text,
                         gsize       length,
                         gboolean   *value)
{
  static const struct { const char *word; gboolean value; } words[] = {
    { "true", TRUE }, { "false", FALSE }, { "yes", TRUE }, { "no", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strlen (words[i].word) == length &&
          g_ascii_strncasecmp (words[i].word, text, length) == 0)
        {
          *value = words[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

/* Dates */

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

/* "January 2024", "Feb 2024", "15 Feb 2024", "Feb 15, 2024" */
static gboolean
parse_written_date (const char      *text,
                    gsize            length,
                    double          *days,
                    McDatePrecision *precision)
{
  Token t[3];
  guint n = tokenize (text, length, t, G_N_ELEMENTS (t));
  int month = 0, day = 0, year = 0;

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

gboolean
mc_loader_parse_date_len (const char      *text,
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

  if (!parse_iso_date (text, length, &d, &p) &&
      !parse_written_date (text, length, &d, &p))
    return FALSE;

  if (days)
    *days = d;
  if (precision)
    *precision = p;
  return TRUE;
}

/**
 * mc_loader_parse_date:
 * @text: a date as written in a dataset
 * @days: (out) (optional): days since 1970-01-01
 * @precision: (out) (optional): how much of the date was given
 *
 * Accepts ISO 8601 ("2024", "2024-02", "2024-02-15", optionally with a time
 * "2024-02-15T10:30:00Z", which is kept as a fraction of the day, in UTC),
 * "2024/02/15", and English written forms: "February 2024", "Feb 2024",
 * "15 Feb 2024", "15 February 2024", "Feb 15, 2024". Day and month numbers
 * are checked ("2024-02-30" is not a date). Slash dates such as "2/15/2024"
 * are refused because their order is ambiguous.
 *
 * Returns: %TRUE if @text is a date
 */
gboolean
mc_loader_parse_date (const char      *text,
                      double          *days,
                      McDatePrecision *precision)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return mc_loader_parse_date_len (text, strlen (text), days, precision);
}

/* Files */

void
mc_loader_buffer_clear (McLoaderBuffer *buffer)
{
  g_clear_pointer (&buffer->bytes, g_bytes_unref);
  buffer->data = NULL;
  buffer->length = 0;
}

static gboolean
check_size (const char  *name,
            guint64      size,
            gsize        max_size,
            GError     **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *max_text = NULL;

  if (size <= max_size)
    return TRUE;

  size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
  if (max_size % (1024 * 1024 * 1024) == 0)
    max_text = g_strdup_printf ("%" G_GSIZE_FORMAT " GiB", max_size / (1024 * 1024 * 1024));
  else
    max_text = g_strdup_printf ("%" G_GSIZE_FORMAT " MiB", max_size / (1024 * 1024));
  mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, name, 0, 0,
                       _("the file is %s; the limit is %s"), size_text, max_text);
  return FALSE;
}

static void
set_io_error (GError     **error,
              const char  *name,
              GError      *io_error)
{
  McLoaderError code = MC_LOADER_ERROR_IO;

  mc_loader_set_error (error, code, name, 0, 0, _("cannot read the file: %s"),
                       io_error->message);
}

static void
set_read_error (GError     **error,
                const char  *name,
                GError      *read_error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (read_error));
  else
    set_io_error (error, name, read_error);
}

/* Reads @stream to its end into a buffer that grows as needed, but never
 * past @max_size + 1 bytes: one byte more than the limit is enough to know
 * that a file whose size was not known, or that grew, is too large. A
 * file that shrinks while it is read just gives less data. */
static char *
read_stream (GInputStream  *stream,
             const char    *name,
             guint64        size_hint,
             gsize          max_size,
             gsize         *length,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize capacity = size_hint > 0 ? MIN (size_hint, max_size) + 1 : READ_INITIAL_SIZE;
  g_autofree char *data = g_malloc (capacity);
  gsize n = 0;

  for (;;)
    {
      gsize wanted, got;

      if (n == capacity)
        {
          if (capacity > max_size)
            break;
          capacity = MIN (capacity * 2, max_size + 1);
          data = g_realloc (data, capacity);
        }
      wanted = MIN (capacity - n, READ_CHUNK_SIZE);
      if (!g_input_stream_read_all (stream, data + n, wanted, &got, cancellable, &local_error))
        {
          set_read_error (error, name, local_error);
          return NULL;
        }
      n += got;
      if (got < wanted)
        break;
    }

  *length = n;
  return g_steal_pointer (&data);
}

/**
 * mc_loader_buffer_load:
 *
 * Reads @file into memory, refusing files over @max_size bytes: before
 * reading them when their size is known, else as soon as more has been
 * read.
 */
gboolean
mc_loader_buffer_load (McLoaderBuffer  *buffer,
                       GFile           *file,
                       const char      *name,
                       gsize            max_size,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents;
  gsize length = 0;
  guint64 size = 0;

  memset (buffer, 0, sizeof *buffer);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          mc_loader_set_error (error, MC_LOADER_ERROR_IO, name, 0, 0,
                               _("this is a folder, not a dataset file"));
          return FALSE;
        }
      size = g_file_info_get_size (info);
      if (!check_size (name, size, max_size, error))
        return FALSE;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_read_error (error, name, local_error);
      return FALSE;
    }
  contents = read_stream (G_INPUT_STREAM (stream), name, size, max_size, &length,
                          cancellable, error);
  if (contents == NULL)
    return FALSE;

  buffer->bytes = g_bytes_new_take (contents, length);
  buffer->data = contents;
  buffer->length = length;
  if (!check_size (name, length, max_size, error))
    {
      mc_loader_buffer_clear (buffer);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

/* JSON by name (*.json), CSV by name (*.csv, *.tsv, *.txt), else JSON when
 * the text starts with '{'. */
static gboolean
looks_like_json (const char *name,
                 const char *data,
                 gsize       length)
{
  gsize i = 0;

  if (has_suffix (name, ".json"))
    return TRUE;
  if (has_suffix (name, ".csv") || has_suffix (name, ".tsv") || has_suffix (name, ".txt"))
    return FALSE;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == '{';
}

static McDataset *
load_text (const char    *name,
           const char    *data,
           gsize          length,
           GFile         *base,
           GCancellable  *cancellable,
           GError       **error)
{
  if (looks_like_json (name, data, length))
    {
      if (!check_size (name, length, MC_LOADER_MAX_JSON_SIZE, error))
        return NULL;
      return mc_loader_load_json (name, data, length, base, cancellable, error);
    }
  if (!check_size (name, length, MC_LOADER_MAX_CSV_SIZE, error))
    return NULL;
  return mc_loader_load_plain_csv (name, data, length, cancellable, error);
}

/**
 * mc_loader_load_file:
 * @file: a dataset file: JSON, or plain CSV with a header row
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error in %MC_LOADER_ERROR (or
 *   %G_IO_ERROR_CANCELLED)
 *
 * Loads a dataset. Local and resource:// files both work. Error messages
 * start with the file's base name and, where known, "line:column".
 *
 * Returns: (transfer full): the dataset, or %NULL on error
 */
McDataset *
mc_loader_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) base = NULL;
  McLoaderBuffer buffer;
  gsize max_size;
  McDataset *dataset;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_file_get_uri (file);
  max_size = has_suffix (name, ".json") ? MC_LOADER_MAX_JSON_SIZE : MC_LOADER_MAX_CSV_SIZE;
  if (!mc_loader_buffer_load (&buffer, file, name, max_size, cancellable, error))
    return NULL;

  base = g_file_get_parent (file);
  dataset = load_text (name, buffer.data, buffer.length, base, cancellable, error);
  mc_loader_buffer_clear (&buffer);
  if (dataset != NULL)
    mc_dataset_set_file (dataset, file);
  return dataset;
}

/**
 * mc_loader_load_data:
 * @data: the contents of a dataset file
 * @length: its length in bytes
 * @display_name: the name used in messages; its extension (.json, .csv)
 *   chooses the format, else the content does
 * @base: (nullable): the folder that CSV references are relative to
 * @error: return location for an error in %MC_LOADER_ERROR
 *
 * Returns: (transfer full): the dataset, or %NULL on error
 */
McDataset *
mc_loader_load_data (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GFile       *base,
                     GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (base == NULL || G_IS_FILE (base), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_text (display_name, data ? data : "", length, base, NULL, error);
}

/* The default chart */

/* A long table: one series per distinct value of @column, which repeats. */
static gboolean
is_series_column (McColumn *column)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_rows = mc_column_get_n_rows (column);

  for (guint i = 0; i < n_rows; i++)
    {
      const char *value = mc_column_get_string (column, i);

      if (value == NULL)
        continue;
      g_hash_table_add (seen, (gpointer) value);
      if (g_hash_table_size (seen) > 24)
        return FALSE;
    }
  return g_hash_table_size (seen) >= 2 && n_rows >= 2 * g_hash_table_size (seen);
}

static char **
column_ids (GPtrArray *columns,
            guint      from,
            guint      max)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = from; i < columns->len && i < from + max; i++)
    g_strv_builder_add (builder, mc_column_get_id (g_ptr_array_index (columns, i)));
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

/* Columns whose largest values differ more than this many times don't
 * share a value axis: the smaller ones would be slivers. */
#define MAX_MAGNITUDE_RATIO 20.0

static double
largest_magnitude (McColumn *column)
{
  guint n;
  const double *values = mc_column_get_values (column, &n);
  double largest = 0;

  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      largest = MAX (largest, fabs (values[i]));
  return largest;
}

/* Whether @a and @b can be read on one axis: the same unit and scale,
 * and values of a similar size. */
static gboolean
columns_comparable (McColumn *a,
                    McColumn *b)
{
  double ma = largest_magnitude (a), mb = largest_magnitude (b);

  if (g_strcmp0 (mc_column_get_unit (a), mc_column_get_unit (b)) != 0
      || mc_column_get_scale (a) != mc_column_get_scale (b))
    return FALSE;
  if (ma == 0 || mb == 0)
    return TRUE;
  return MAX (ma, mb) / MIN (ma, mb) <= MAX_MAGNITUDE_RATIO;
}

/* The number columns from @from on that a default chart shows with the
 * one at @from. A designer would not put "Revenue (USD m)" and
 * "Customers" on one axis: the second column, 200 times smaller, would
 * be invisible, and one of them would be read in the other's unit. The
 * others stay in the dataset for charts the user declares. */
static void
keep_comparable (GPtrArray *numbers,
                 guint      from)
{
  McColumn *first;

  if (from >= numbers->len)
    return;
  first = g_ptr_array_index (numbers, from);
  for (guint i = numbers->len; i > from + 1; i--)
    if (!columns_comparable (first, g_ptr_array_index (numbers, i - 1)))
      g_ptr_array_remove_index (numbers, i - 1);
}

static McChartSpec *
choose_chart (McDataset *dataset)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  McColumn *date = NULL, *string = NULL;
  guint n_strings = 0;
  McColumn *x;
  g_auto(GStrv) y = NULL;
  McChartSpec *spec;

  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      switch (mc_column_get_column_type (column))
        {
        case MC_COLUMN_NUMBER: g_ptr_array_add (numbers, column); break;
        case MC_COLUMN_DATE: date = date ? date : column; break;
        case MC_COLUMN_STRING: string = string ? string : column; n_strings++; break;
        case MC_COLUMN_BOOLEAN: default: break;
        }
    }
  if (numbers->len == 0 || (date == NULL && string == NULL && numbers->len < 2))
    return NULL;
  keep_comparable (numbers, date == NULL && string == NULL ? 1 : 0);

  if (date != NULL)
    {
      spec = mc_chart_spec_new ("chart", "line");
      x = date;
      y = column_ids (numbers, 0, 6);
      if (n_strings == 1 && numbers->len == 1 && is_series_column (string))
        mc_chart_spec_set_string (spec, "series", mc_column_get_id (string));
    }
  else if (string != NULL)
    {
      spec = mc_chart_spec_new ("chart", "bar");
      x = string;
      y = column_ids (numbers, 0, 6);
    }
  else
    {
      spec = mc_chart_spec_new ("chart", "line");
      x = g_ptr_array_index (numbers, 0);
      y = column_ids (numbers, 1, 6);
    }
  mc_chart_spec_set_title (spec, mc_dataset_get_title (dataset));
  mc_chart_spec_set_string (spec, "x", mc_column_get_id (x));
  mc_chart_spec_set_strv (spec, "y", (const char * const *) y);
  return spec;
}

/**
 * mc_loader_add_default_chart:
 *
 * Adds the chart a dataset without declared charts gets: a line over the
 * first date column (one series per value of a string column for long
 * tables), else bars over the first string column, else a line over the
 * first number column. The value columns are the number columns, at most 6,
 * that can share an axis with the first: same unit, values at most 20
 * times larger or smaller.
 */
void
mc_loader_add_default_chart (McDataset  *dataset,
                             const char *name)
{
  McChartSpec *spec = choose_chart (dataset);

  if (spec == NULL)
    {
      g_autofree char *message =
        mc_loader_format_message (name, 0, 0, _("no chart could be chosen: the data "
                                                "needs a number column and a column "
                                                "to plot it against"));
      mc_dataset_add_warning (dataset, message);
      return;
    }
  mc_dataset_add_chart (dataset, spec);
}
