/* mc-loader-csv.c: datasets from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two uses: the rows of a JSON dataset that names a CSV file (the columns
 * and their types are declared in the JSON), and plain CSV files opened on
 * their own, whose column types are inferred in a first pass over the data
 * and converted in a second. Both passes walk the buffer in place; only
 * string cells are copied.
 */
#include "config.h"

#include "mc-loader.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-csv-private.h"
#include "mc-loader-private.h"
#include "mc-text.h"

#define CANCEL_CHECK_ROWS 65536
/* Header names listed in a message about a missing column. */
#define MAX_LISTED_NAMES 12

typedef struct
{
  const char   *name;       /* the CSV file, for messages */
  McCsvReader  *reader;
  GCancellable *cancellable;
  GString      *scratch;
  guint         n_rows;
} CsvContext;

static const char *
trim (const char *text,
      gsize      *length)
{
  while (*length > 0 && (*text == ' ' || *text == '\t'))
    text++, (*length)--;
  while (*length > 0 && (text[*length - 1] == ' ' || text[*length - 1] == '\t'))
    (*length)--;
  return text;
}

/* The field's text; unquoted fields lose surrounding spaces. */
static const char *
get_field (CsvContext *c,
           guint       index,
           gsize      *length)
{
  const char *text = mc_csv_reader_get_field (c->reader, index, length);

  if (mc_csv_reader_field_is_quoted (c->reader, index))
    return text;
  return trim (text, length);
}

G_GNUC_PRINTF (5, 6)
static gboolean
field_error (CsvContext    *c,
             guint          index,
             GError       **error,
             McLoaderError  code,
             const char    *format,
             ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  mc_csv_reader_get_field_position (c->reader, index, &line, &column);
  mc_loader_set_error (error, code, c->name, line, column, "%s", message);
  return FALSE;
}

/* Turns an MC_CSV_ERROR ("line:col: message") into an MC_LOADER_ERROR. */
static void
propagate_csv_error (GError     **error,
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

static gboolean
next_row (CsvContext  *c,
          gboolean    *have_row,
          GError     **error)
{
  GError *csv_error = NULL;

  if (c->n_rows % CANCEL_CHECK_ROWS == CANCEL_CHECK_ROWS - 1 &&
      g_cancellable_set_error_if_cancelled (c->cancellable, error))
    return FALSE;

  *have_row = mc_csv_reader_next_row (c->reader, &csv_error);
  if (csv_error != NULL)
    {
      propagate_csv_error (error, csv_error, c->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_row (CsvContext  *c,
           guint        n_header,
           GError     **error)
{
  guint n_fields = mc_csv_reader_get_n_fields (c->reader);
  guint line, column;

  if (++c->n_rows > MC_LOADER_MAX_ROWS)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_TOO_LARGE, c->name,
                           mc_csv_reader_get_line (c->reader), 1,
                           _("more than %d rows; that is the limit"),
                           MC_LOADER_MAX_ROWS);
      return FALSE;
    }
  if (n_fields == n_header)
    return TRUE;

  if (n_fields > n_header)
    mc_csv_reader_get_field_position (c->reader, n_header, &line, &column);
  else
    mc_csv_reader_get_end_position (c->reader, &line, &column);
  mc_loader_set_error (error, MC_LOADER_ERROR_SHAPE, c->name, line, column,
                       ngettext ("this row has %u field, the header has %u",
                                 "this row has %u fields, the header has %u",
                                 n_fields),
                       n_fields, n_header);
  return FALSE;
}

/* Converting fields */

/* A column id as messages quote it: ids may be long. */
static char *
shorten_column_id (McColumn *column)
{
  const char *id = mc_column_get_id (column);

  return mc_text_shown (id);
}

static gboolean
append_number (CsvContext  *c,
               McColumn    *column,
               guint        index,
               const char  *text,
               gsize        length,
               GError     **error)
{
  g_autofree char *quoted = NULL;
  const char *number = text;
  gsize number_length = length;
  double value;

  if (g_strcmp0 (mc_column_get_unit (column), "percent") == 0)
    mc_cell_strip_percent (&number, &number_length);

  switch (mc_csv_parse_number (number, number_length, &value))
    {
    case MC_CSV_NUMBER_OK:
      mc_column_append_value (column, value);
      return TRUE;
    case MC_CSV_NUMBER_RANGE:
      quoted = mc_loader_describe_text (text, length);
      return field_error (c, index, error, MC_LOADER_ERROR_VALUE,
                          _("the number %s is out of range; the largest number is "
                            "about 1.8e308"), quoted);
    case MC_CSV_NUMBER_INVALID:
    default:
      {
        g_autofree char *id = shorten_column_id (column);

        quoted = mc_loader_describe_text (text, length);
        return field_error (c, index, error, MC_LOADER_ERROR_TYPE,
                            _("column “%s” expects a number, found %s"), id, quoted);
      }
    }
}

static gboolean
append_date (CsvContext      *c,
             McColumn        *column,
             guint            index,
             const char      *text,
             gsize            length,
             McDatePrecision *finest,
             GError         **error)
{
  g_autofree char *quoted = NULL;
  McDatePrecision precision;
  double days;

  if (mc_date_text_parse (text, length, &days, &precision))
    {
      *finest = MAX (*finest, precision);
      mc_column_append_value (column, days);
      return TRUE;
    }
  quoted = mc_loader_describe_text (text, length);
  return field_error (c, index, error, MC_LOADER_ERROR_VALUE,
                      _("%s is not a date; expected e.g. 2024, 2024-02 or 2024-02-15"),
                      quoted);
}

static gboolean
append_boolean (CsvContext  *c,
                McColumn    *column,
                guint        index,
                const char  *text,
                gsize        length,
                GError     **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *id = NULL;
  gboolean value;

  if (mc_cell_parse_boolean (text, length, &value))
    {
      mc_column_append_value (column, value ? 1 : 0);
      return TRUE;
    }
  id = shorten_column_id (column);
  quoted = mc_loader_describe_text (text, length);
  return field_error (c, index, error, MC_LOADER_ERROR_TYPE,
                      _("column “%s” expects true or false (or yes or no), found %s"),
                      id, quoted);
}

/* Appends field @index of the current row to @column. */
static gboolean
append_field (CsvContext      *c,
              McColumn        *column,
              guint            index,
              McDatePrecision *finest,
              GError         **error)
{
  McColumnType type = mc_column_get_column_type (column);
  gsize length;
  const char *text = get_field (c, index, &length);

  if (length == 0 || (type != MC_COLUMN_STRING && mc_cell_is_missing (text, length)))
    {
      mc_column_append_missing (column);
      return TRUE;
    }

  switch (type)
    {
    case MC_COLUMN_NUMBER:
      return append_number (c, column, index, text, length, error);
    case MC_COLUMN_DATE:
      return append_date (c, column, index, text, length, finest, error);
    case MC_COLUMN_BOOLEAN:
      return append_boolean (c, column, index, text, length, error);
    case MC_COLUMN_STRING:
    default:
      g_string_truncate (c->scratch, 0);
      g_string_append_len (c->scratch, text, length);
      mc_column_append_string (column, c->scratch->str);
      return TRUE;
    }
}

static void
set_date_precisions (McDataset             *dataset,
                     const int             *map,
                     const McDatePrecision *finest)
{
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      if (map[i] >= 0 && mc_column_get_column_type (column) == MC_COLUMN_DATE &&
          mc_column_get_n_rows (column) > 0)
        mc_column_set_date_precision (column, finest[i]);
    }
}

/* Reads every data row into the columns; field map[i] feeds column i,
 * unless map[i] is -1 (a column already filled). */
static gboolean
read_rows (CsvContext  *c,
           McDataset   *dataset,
           const int   *map,
           guint        n_header,
           GError     **error)
{
  guint n_columns = mc_dataset_get_n_columns (dataset);
  g_autofree McDatePrecision *finest = g_new0 (McDatePrecision, n_columns);
  gboolean have_row;

  c->n_rows = 0;
  for (;;)
    {
      if (!next_row (c, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      if (!check_row (c, n_header, error))
        return FALSE;
      for (guint i = 0; i < n_columns; i++)
        if (map[i] >= 0 &&
            !append_field (c, mc_dataset_get_column (dataset, i), map[i],
                           &finest[i], error))
          return FALSE;
    }

  set_date_precisions (dataset, map, finest);
  return TRUE;
}

static gboolean
read_header (CsvContext  *c,
             GError     **error)
{
  gboolean have_row;

  if (!next_row (c, &have_row, error))
    return FALSE;
  if (!have_row)
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, c->name, 0, 0,
                           _("the file is empty; a CSV file starts with a header "
                             "row naming its columns"));
      return FALSE;
    }
  return TRUE;
}

/* CSV data of a JSON dataset */

/* The names of the header for a message: the first few, each shortened,
 * since a header may hold thousands of long names. */
static char *
header_names (CsvContext *c)
{
  guint n_fields = mc_csv_reader_get_n_fields (c->reader);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_fields && i < MAX_LISTED_NAMES; i++)
    {
      gsize length;
      const char *text = get_field (c, i, &length);
      g_autofree char *shown = mc_text_shorten (text, length, 40);

      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", shown);
    }
  if (n_fields > MAX_LISTED_NAMES)
    g_string_append_printf (out, _(", … (%u names in all)"), n_fields);
  return g_string_free (out, FALSE);
}

static void
warn_undeclared (CsvContext *c,
                 McDataset  *dataset,
                 guint       index,
                 const char *id,
                 const char *json_name)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  g_autofree char *id_shown = mc_text_shown (id);
  guint line, column;

  mc_csv_reader_get_field_position (c->reader, index, &line, &column);
  message = g_strdup_printf (_("column “%s” is not declared in %s and is ignored"),
                             id_shown, json_name);
  full = mc_loader_format_message (c->name, line, column, message);
  mc_dataset_add_warning (dataset, full);
}

/* Maps each declared column to its field in the header. */
static gboolean
map_header (CsvContext  *c,
            McDataset   *dataset,
            const char  *json_name,
            int         *map,
            GError     **error)
{
  guint n_fields = mc_csv_reader_get_n_fields (c->reader);

  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    map[i] = -1;

  for (guint f = 0; f < n_fields; f++)
    {
      gsize length;
      const char *text = get_field (c, f, &length);
      g_autofree char *id = g_strndup (text, length);
      int index = mc_dataset_get_column_index (dataset, id);

      if (index >= 0 && map[index] >= 0)
        {
          g_autofree char *shown = mc_text_shorten (id, length, 60);

          return field_error (c, f, error, MC_LOADER_ERROR_DUPLICATE,
                              _("the header names column “%s” twice"), shown);
        }
      if (index >= 0)
        map[index] = f;
      else
        warn_undeclared (c, dataset, f, id, json_name);
    }

  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      const char *missing_id = mc_column_get_id (mc_dataset_get_column (dataset, i));
      g_autofree char *missing_shown = NULL;
      g_autofree char *names = NULL;

      if (map[i] >= 0)
        continue;
      /* Ids may be long: keep the message short enough to read. */
      missing_shown = mc_text_shown (missing_id);
      names = header_names (c);
      mc_loader_set_error (error, MC_LOADER_ERROR_MISSING, c->name, 1, 1,
                           _("the header has no column “%s”, which %s declares; "
                             "the header is: %s"),
                           missing_shown, json_name, names);
      return FALSE;
    }
  return TRUE;
}

/**
 * mc_loader_read_csv_data:
 *
 * Fills the declared columns of @dataset from CSV text whose header row
 * names column ids. Extra CSV columns are ignored with a warning.
 */
gboolean
mc_loader_read_csv_data (McDataset     *dataset,
                         const char    *name,
                         const char    *json_name,
                         const char    *text,
                         gsize          length,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(McCsvReader) reader = mc_csv_reader_new (text, length, MC_CSV_SEPARATOR_AUTO);
  g_autofree int *map = g_new (int, mc_dataset_get_n_columns (dataset));
  CsvContext c = { name, reader, cancellable, NULL, 0 };
  gboolean ok;

  if (!read_header (&c, error) || !map_header (&c, dataset, json_name, map, error))
    return FALSE;

  c.scratch = g_string_new (NULL);
  ok = read_rows (&c, dataset, map, mc_csv_reader_get_n_fields (reader), error);
  g_string_free (c.scratch, TRUE);
  return ok;
}

/* Plain CSV files: inferring column types */

typedef struct
{
  guint           n_values;
  gboolean        number;    /* every value so far could be one */
  gboolean        date;
  gboolean        boolean;
  gboolean        percent;   /* some number had a trailing % */
  gboolean        years;     /* every number is a whole year 1000..9999 */
} Inference;

/* Returns whether the value is a number in range, stored in @value. */
static gboolean
infer_number (Inference  *inference,
              const char *text,
              gsize       length,
              double     *value)
{
  gboolean percent = mc_cell_strip_percent (&text, &length);
  McCsvNumberResult result = mc_csv_parse_number (text, length, value);

  /* A number out of range still makes a number column, whose conversion
   * then says which cell is out of range, rather than a text column. */
  if (result == MC_CSV_NUMBER_RANGE)
    {
      inference->years = FALSE;
      return FALSE;
    }
  if (result != MC_CSV_NUMBER_OK || mc_cell_has_leading_zero (text, length))
    {
      inference->number = FALSE;
      return FALSE;
    }
  inference->percent |= percent;
  if (inference->years &&
      (percent || *value != floor (*value) || *value < 1000 || *value > 9999 ||
       memchr (text, '.', length) != NULL || memchr (text, 'e', length) != NULL))
    inference->years = FALSE;
  return TRUE;
}

/* The values of a column, kept while its types are inferred: as long as
 * every value is a number (or, from the first one on, a date), a file of
 * numbers and dates is read in one pass. Other columns (text, booleans,
 * years, out-of-range numbers) are read in a second pass. */
typedef enum
{
  KEEP_NUMBERS,
  KEEP_DATES,
  KEEP_NOTHING,
} KeepMode;

typedef struct
{
  KeepMode         mode;
  GArray          *values;    /* double, NAN for missing; len is the capacity */
  guint            n;
  McDatePrecision  finest;
} Kept;

static void
kept_init (Kept *kept)
{
  kept->mode = KEEP_NUMBERS;
  kept->values = g_array_new (FALSE, FALSE, sizeof (double));
  kept->n = 0;
  kept->finest = MC_DATE_YEAR;
}

static void
kept_clear (Kept *kept)
{
  g_clear_pointer (&kept->values, g_array_unref);
  kept->mode = KEEP_NOTHING;
}

static inline void
keep_value (Kept   *kept,
            double  value)
{
  if (kept->mode == KEEP_NOTHING)
    return;
  if (kept->n == kept->values->len)
    g_array_set_size (kept->values, MAX (1024, 2 * kept->values->len));
  g_array_index (kept->values, double, kept->n++) = value;
}

/* Keeps the value of a cell that is not missing. */
static void
keep_field (Kept            *kept,
            const Inference *inference,
            gboolean         is_number,
            double           number,
            gboolean         is_date,
            double           days,
            McDatePrecision  precision)
{
  /* The first value that is not a number may still start a date column,
   * when only missing values came before it. */
  if (kept->mode == KEEP_NUMBERS && !inference->number &&
      inference->n_values == 1 && is_date)
    kept->mode = KEEP_DATES;

  if (kept->mode == KEEP_NUMBERS && is_number)
    keep_value (kept, number);
  else if (kept->mode == KEEP_DATES && is_date)
    {
      kept->finest = MAX (kept->finest, precision);
      keep_value (kept, days);
    }
  else if (kept->mode != KEEP_NOTHING)
    kept_clear (kept);
}

static void
infer_field (Inference  *inference,
             Kept       *kept,
             const char *text,
             gsize       length)
{
  gboolean unused;
  gboolean is_number = FALSE;
  gboolean is_date = FALSE;
  double number = NAN;
  double days = NAN;
  McDatePrecision precision = MC_DATE_YEAR;

  if (length == 0 || mc_cell_is_missing (text, length))
    {
      keep_value (kept, NAN);
      return;
    }

  inference->n_values++;
  if (inference->number)
    is_number = infer_number (inference, text, length, &number);
  if (inference->date)
    {
      is_date = mc_date_text_parse (text, length, &days, &precision);
      inference->date = is_date;
    }
  if (inference->boolean && !mc_cell_parse_boolean (text, length, &unused))
    inference->boolean = FALSE;
  if (kept->mode != KEEP_NOTHING)
    keep_field (kept, inference, is_number, number, is_date, days, precision);
}

/* A header that names years: "Year", "Fiscal year", "report_year", "Date". */
static gboolean
names_years (const char *id)
{
  return g_str_equal (id, "year") || g_str_has_suffix (id, "_year") ||
         g_str_equal (id, "yr") || g_str_equal (id, "fy") || g_str_equal (id, "date");
}

static McColumnType
decide_type (const Inference *inference,
             const char      *id)
{
  if (inference->n_values == 0)
    return MC_COLUMN_STRING;
  if (inference->number && inference->years && !inference->percent && names_years (id))
    return MC_COLUMN_DATE;
  if (inference->number)
    return MC_COLUMN_NUMBER;
  if (inference->date)
    return MC_COLUMN_DATE;
  if (inference->boolean)
    return MC_COLUMN_BOOLEAN;
  return MC_COLUMN_STRING;
}

static gboolean
infer_types (CsvContext  *c,
             Inference   *inferences,
             Kept        *kept,
             guint        n_columns,
             GError     **error)
{
  gboolean have_row;

  for (guint i = 0; i < n_columns; i++)
    {
      inferences[i] = (Inference) { 0, TRUE, TRUE, TRUE, FALSE, TRUE };
      kept_init (&kept[i]);
    }

  c->n_rows = 0;
  for (;;)
    {
      if (!next_row (c, &have_row, error))
        return FALSE;
      if (!have_row)
        return TRUE;
      if (!check_row (c, n_columns, error))
        return FALSE;
      for (guint i = 0; i < n_columns; i++)
        {
          gsize length;
          const char *text;

          if (!inferences[i].number && !inferences[i].date && !inferences[i].boolean)
            continue;
          text = get_field (c, i, &length);
          infer_field (&inferences[i], &kept[i], text, length);
        }
    }
}

/* Plain CSV files of numbers: the fast path */

typedef enum
{
  FAST_DONE,
  FAST_FAILED,      /* cancelled */
  FAST_GIVE_UP,     /* something else than numbers: the general reader */
} FastResult;

/* Bytes that may be in a field of numbers: digits, signs, points,
 * exponents and the spaces around them. */
static void
init_number_bytes (guint8 *number_bytes,
                   char    separator)
{
  memset (number_bytes, 0, 256);
  for (const char *c = "0123456789.+-eE "; *c; c++)
    number_bytes[(guchar) *c] = 1;
  if (separator != '\t')
    number_bytes['\t'] = 1;
  number_bytes[(guchar) separator] = 0;
}

static const char *
skip_line_break (const char *p,
                 const char *end)
{
  if (p < end && *p == '\r')
    p++;
  if (p < end && *p == '\n')
    p++;
  return p;
}

/* A number read in the fast path, as infer_number() takes it. */
static inline void
keep_number (Inference  *inference,
             Kept       *kept,
             const char *text,
             gsize       length,
             double      value)
{
  inference->n_values++;
  if (inference->years &&
      (value != floor (value) || value < 1000 || value > 9999 ||
       memchr (text, '.', length) != NULL || memchr (text, 'e', length) != NULL ||
       memchr (text, 'E', length) != NULL))
    inference->years = FALSE;
  keep_value (kept, value);
}

/* One field of numbers, trimmed, as infer_field() and infer_number()
 * take it: empty and "-" are missing. */
static gboolean
read_number_field (Inference  *inference,
                   Kept       *kept,
                   const char *text,
                   gsize       length,
                   char        separator)
{
  double value;

  /* Most fields start and end with a digit: no spaces to trim. */
  if (length > 0 && (guint) (*text - '0') < 10 && (guint) (text[length - 1] - '0') < 10)
    ;
  else
    {
      while (length > 0 && (*text == ' ' || (*text == '\t' && separator != '\t')))
        text++, length--;
      while (length > 0 && (text[length - 1] == ' '
                            || (text[length - 1] == '\t' && separator != '\t')))
        length--;
    }
  if (length == 0 || (length == 1 && *text == '-'))
    {
      keep_value (kept, NAN);
      return TRUE;
    }
  if (length > MC_CSV_MAX_FIELD_LENGTH
      || mc_csv_parse_number (text, length, &value) != MC_CSV_NUMBER_OK
      || mc_cell_has_leading_zero (text, length))
    return FALSE;

  keep_number (inference, kept, text, length, value);
  return TRUE;
}

/* Most large files are numbers only, and some empty cells. Their rows are
 * read here, without the general reader: the same inference and the same
 * values, at a fraction of the cost. At anything else (quotes, text,
 * markers other than "-", percentages, codes with leading zeros, a row of
 * the wrong length, bytes beyond ASCII) it gives up, and the general
 * reader starts over, which also reports any error where it is. */
static FastResult
read_numbers_fast (CsvContext  *c,
                   const char  *text,
                   gsize        length,
                   Inference   *inferences,
                   Kept        *kept,
                   guint        n_columns,
                   GError     **error)
{
  char separator = mc_csv_reader_get_separator (c->reader);
  const char *p = text + mc_csv_reader_get_offset (c->reader);
  const char *end = text + length;
  guint8 number_bytes[256];

  init_number_bytes (number_bytes, separator);
  for (guint i = 0; i < n_columns; i++)
    {
      inferences[i] = (Inference) { 0, TRUE, FALSE, FALSE, FALSE, TRUE };
      kept_init (&kept[i]);
    }

  c->n_rows = 0;
  while (p < end)
    {
      const char *q = p;

      /* Lines of nothing but spaces are skipped, as the reader does. */
      while (q < end && (*q == ' ' || (*q == '\t' && separator != '\t')))
        q++;
      if (q == end)
        break;
      if (*q == '\n' || *q == '\r')
        {
          p = skip_line_break (q, end);
          continue;
        }

      if (++c->n_rows > MC_LOADER_MAX_ROWS)
        return FAST_GIVE_UP;
      if (c->n_rows % CANCEL_CHECK_ROWS == 0 &&
          g_cancellable_set_error_if_cancelled (c->cancellable, error))
        return FAST_FAILED;

      for (guint i = 0; i < n_columns; i++)
        {
          const char *start = p;
          double value;
          gsize n = mc_csv_scan_short (p, end, &value);

          /* The usual field: a short number and nothing else. */
          if (n > 0 && (p + n == end || p[n] == separator || p[n] == '\n' || p[n] == '\r')
              && !mc_cell_has_leading_zero (p, n))
            {
              keep_number (&inferences[i], &kept[i], p, n, value);
              p += n;
              if (i + 1 < n_columns ? (p == end || *p != separator)
                                    : (p < end && *p == separator))
                return FAST_GIVE_UP;
              if (i + 1 < n_columns)
                p++;
              continue;
            }

          while (p < end && number_bytes[(guchar) *p])
            p++;
          if (i + 1 < n_columns ? (p == end || *p != separator)
                                : (p < end && *p != '\n' && *p != '\r'))
            return FAST_GIVE_UP;
          if (!read_number_field (&inferences[i], &kept[i], start, p - start, separator))
            return FAST_GIVE_UP;
          if (i + 1 < n_columns)
            p++;
        }
      p = skip_line_break (p, end);
    }
  return FAST_DONE;
}

/* Infers the column types of the rows after the header, keeping the
 * values of number and date columns. */
static gboolean
infer_types_and_values (CsvContext  *c,
                        const char  *text,
                        gsize        length,
                        Inference   *inferences,
                        Kept        *kept,
                        guint        n_columns,
                        GError     **error)
{
  switch (read_numbers_fast (c, text, length, inferences, kept, n_columns, error))
    {
    case FAST_DONE:
      return TRUE;
    case FAST_FAILED:
      return FALSE;
    case FAST_GIVE_UP:
    default:
      break;
    }

  for (guint i = 0; i < n_columns; i++)
    kept_clear (&kept[i]);
  mc_csv_reader_rewind (c->reader);
  return read_header (c, error) && infer_types (c, inferences, kept, n_columns, error);
}

/* Plain CSV files: the dataset */

/* "cloud_revenue-2024.csv" -> "Cloud revenue 2024" */
static char *
title_from_name (const char *name)
{
  g_autofree char *stem = g_strdup (name);
  char *dot = strrchr (stem, '.');
  g_autofree char *title = NULL;

  if (dot != NULL && dot != stem)
    *dot = '\0';
  g_strdelimit (stem, "_-", ' ');
  g_strstrip (stem);
  if (*stem == '\0')
    return g_strdup (name);

  title = g_strdup_printf ("%C%s", g_unichar_totitle (g_utf8_get_char (stem)),
                           g_utf8_next_char (stem));
  return g_steal_pointer (&title);
}

static char *
dataset_id_from_name (const char *name)
{
  g_autofree char *stem = g_strdup (name);
  char *dot = strrchr (stem, '.');
  g_autofree char *id = NULL;

  if (dot != NULL && dot != stem)
    *dot = '\0';
  id = mc_id_make (stem, "dataset");
  g_strdelimit (id, "_", '-');
  return g_steal_pointer (&id);
}

/* Units in plain CSV headers */

typedef struct
{
  const char *word;
  McScale     scale;
  gboolean    alone;      /* a scale on its own, without a currency */
} ScaleWord;

/* "m" and "k" alone could be metres or kelvin: they count only after a
 * currency, as in "(USD m)". */
static const ScaleWord scale_words[] = {
  { "k", MC_SCALE_THOUSAND, FALSE }, { "thousand", MC_SCALE_THOUSAND, TRUE },
  { "thousands", MC_SCALE_THOUSAND, TRUE },
  { "m", MC_SCALE_MILLION, FALSE }, { "mn", MC_SCALE_MILLION, TRUE },
  { "mln", MC_SCALE_MILLION, TRUE }, { "million", MC_SCALE_MILLION, TRUE },
  { "millions", MC_SCALE_MILLION, TRUE },
  { "b", MC_SCALE_BILLION, FALSE }, { "bn", MC_SCALE_BILLION, TRUE },
  { "billion", MC_SCALE_BILLION, TRUE }, { "billions", MC_SCALE_BILLION, TRUE },
  { "tn", MC_SCALE_TRILLION, TRUE }, { "trillion", MC_SCALE_TRILLION, TRUE },
  { "trillions", MC_SCALE_TRILLION, TRUE },
};

static gboolean
is_currency_code (const char *word)
{
  return strlen (word) == 3 && g_ascii_isupper (word[0]) && g_ascii_isupper (word[1])
         && g_ascii_isupper (word[2]);
}

static gboolean
lookup_scale_word (const char *word,
                   gboolean    after_currency,
                   McScale    *scale)
{
  for (guint i = 0; i < G_N_ELEMENTS (scale_words); i++)
    if (g_ascii_strcasecmp (word, scale_words[i].word) == 0
        && (after_currency || scale_words[i].alone))
      {
        *scale = scale_words[i].scale;
        return TRUE;
      }
  return FALSE;
}

/* The unit in brackets at the end of a header: "%", "percent", a
 * currency code ("HKD"), a scale word ("millions") or both ("USD m"). */
static gboolean
parse_unit_words (const char  *text,
                  char       **unit,
                  McScale     *scale)
{
  g_auto(GStrv) words = g_strsplit (text, " ", 0);
  guint n = g_strv_length (words);

  *unit = NULL;
  *scale = MC_SCALE_NONE;
  if (n == 1 && (strcmp (words[0], "%") == 0 || g_ascii_strcasecmp (words[0], "percent") == 0))
    *unit = g_strdup ("percent");
  else if (n == 1 && is_currency_code (words[0]))
    *unit = g_strdup (words[0]);
  else if (n == 1)
    return lookup_scale_word (words[0], FALSE, scale);
  else if (n == 2 && is_currency_code (words[0]) && lookup_scale_word (words[1], TRUE, scale))
    *unit = g_strdup (words[0]);
  return *unit != NULL;
}

/* Spreadsheets put the unit of a column in its header: "Revenue (USD
 * m)" is the label "Revenue" with unit USD in millions, "Share (%)" a
 * percentage. Only units read with certainty are taken; "Revenue
 * (adjusted)" stays as it is. */
static gboolean
parse_header_unit (const char  *header,
                   char       **label,
                   char       **unit,
                   McScale     *scale)
{
  g_autofree char *text = g_strstrip (g_strdup (header));
  gsize length = strlen (text);
  char *open = strrchr (text, '(');
  g_autofree char *inside = NULL;

  if (length == 0 || text[length - 1] != ')' || open == NULL || open == text)
    return FALSE;
  text[length - 1] = '\0';
  inside = g_strstrip (g_strdup (open + 1));
  *open = '\0';
  g_strstrip (text);
  if (*text == '\0' || !parse_unit_words (inside, unit, scale))
    return FALSE;
  *label = g_steal_pointer (&text);
  return TRUE;
}

/* A number column takes its unit from its header, unless its values
 * say otherwise ("17%" under "Revenue (USD m)"). */
static McColumn *
new_column (const char      *id,
            const char      *header,
            McColumnType     type,
            const Inference *inference)
{
  g_autofree char *label = NULL;
  g_autofree char *unit = NULL;
  McScale scale = MC_SCALE_NONE;
  McColumn *column;

  if (type != MC_COLUMN_NUMBER)
    return mc_column_new (id, header, type);
  if (!parse_header_unit (header, &label, &unit, &scale)
      || (inference->percent && g_strcmp0 (unit, "percent") != 0))
    {
      g_clear_pointer (&label, g_free);
      g_clear_pointer (&unit, g_free);
      scale = MC_SCALE_NONE;
    }
  column = mc_column_new (id, label ? label : header, type);
  if (inference->percent)
    mc_column_set_unit (column, "percent");
  else if (unit != NULL)
    mc_column_set_unit (column, unit);
  mc_column_set_scale (column, scale);
  return column;
}

/* Unique, safe column ids from the header. */
static void
add_columns (CsvContext      *c,
             McDataset       *dataset,
             const Inference *inferences,
             char           **labels,
             guint            n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *fallback = g_strdup_printf ("column_%u", i + 1);
      g_autofree char *base = mc_id_make (labels[i], fallback);
      g_autofree char *id = g_strdup (base);

      for (guint n = 2; mc_dataset_get_column_index (dataset, id) >= 0; n++)
        {
          g_free (id);
          id = g_strdup_printf ("%s_%u", base, n);
        }
      mc_dataset_add_column (dataset, new_column (id, labels[i],
                                                  decide_type (&inferences[i], base),
                                                  &inferences[i]));
    }
}

static char **
read_labels (CsvContext *c)
{
  guint n = mc_csv_reader_get_n_fields (c->reader);
  char **labels = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      gsize length;
      const char *text = get_field (c, i, &length);

      if (length == 0)
        labels[i] = g_strdup_printf (_("Column %u"), i + 1);
      else
        labels[i] = g_strndup (text, length);
    }
  return labels;
}

static gboolean
check_has_rows (CsvContext  *c,
                GError     **error)
{
  if (c->n_rows > 0)
    return TRUE;
  mc_loader_set_error (error, MC_LOADER_ERROR_SHAPE, c->name, 1, 1,
                       _("the file has a header row but no data rows"));
  return FALSE;
}

/* Moves the kept values into their columns, when they have the type that
 * was decided. map[i] becomes -1 for a filled column and i for a column
 * still to read. Returns the number of filled columns. */
static guint
take_kept_values (McDataset *dataset,
                  Kept      *kept,
                  guint      n_columns,
                  int       *map)
{
  guint n_filled = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);
      McColumnType type = mc_column_get_column_type (column);

      map[i] = i;
      if ((type == MC_COLUMN_NUMBER && kept[i].mode == KEEP_NUMBERS) ||
          (type == MC_COLUMN_DATE && kept[i].mode == KEEP_DATES))
        {
          g_array_set_size (kept[i].values, kept[i].n);
          mc_column_take_values (column, g_steal_pointer (&kept[i].values));
          if (type == MC_COLUMN_DATE)
            mc_column_set_date_precision (column, kept[i].finest);
          map[i] = -1;
          n_filled++;
        }
      kept_clear (&kept[i]);
    }
  return n_filled;
}

/**
 * mc_loader_load_plain_csv:
 *
 * Loads a CSV file with a header row as a dataset of its own: column types
 * are inferred and a default chart is chosen.
 */
McDataset *
mc_loader_load_plain_csv (const char    *name,
                          const char    *text,
                          gsize          length,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(McCsvReader) reader = mc_csv_reader_new (text, length, MC_CSV_SEPARATOR_AUTO);
  g_autoptr(McDataset) dataset = NULL;
  g_autofree Inference *inferences = NULL;
  g_autofree Kept *kept = NULL;
  g_autofree int *map = NULL;
  g_auto(GStrv) labels = NULL;
  g_autofree char *id = dataset_id_from_name (name);
  g_autofree char *title = title_from_name (name);
  CsvContext c = { name, reader, cancellable, NULL, 0 };
  guint n_columns;
  gboolean ok = TRUE;

  if (!read_header (&c, error))
    return NULL;
  labels = read_labels (&c);
  n_columns = g_strv_length (labels);
  inferences = g_new (Inference, n_columns);
  kept = g_new0 (Kept, n_columns);
  if (!infer_types_and_values (&c, text, length, inferences, kept, n_columns, error) ||
      !check_has_rows (&c, error))
    {
      for (guint i = 0; i < n_columns; i++)
        kept_clear (&kept[i]);
      return NULL;
    }

  dataset = mc_dataset_new (id);
  mc_dataset_set_title (dataset, title);
  add_columns (&c, dataset, inferences, labels, n_columns);

  /* Columns whose values were kept are complete; a second pass reads
   * the others, if any. */
  map = g_new (int, n_columns);
  if (take_kept_values (dataset, kept, n_columns, map) < n_columns)
    {
      mc_csv_reader_rewind (reader);
      c.scratch = g_string_new (NULL);
      ok = read_header (&c, error) && read_rows (&c, dataset, map, n_columns, error);
      g_string_free (c.scratch, TRUE);
    }
  if (!ok)
    return NULL;

  mc_default_chart_add (dataset, name);
  return g_steal_pointer (&dataset);
}
