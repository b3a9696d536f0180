/* mc-csv.c: a fast RFC 4180 CSV reader over a buffer in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader walks the whole buffer once. A field is handed out as a
 * pointer and a length into the buffer; only quoted fields that contain
 * doubled quotes ("") are copied, into one scratch string reused for the
 * whole row. UTF-8 is validated on the way, only where a byte is not
 * ASCII, so plain numeric files cost one table look-up per byte.
 */
#include "config.h"

#include "mc-csv.h"
#include "mc-csv-private.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

typedef enum
{
  CLASS_PLAIN,
  CLASS_SEPARATOR,
  CLASS_QUOTE,
  CLASS_CR,
  CLASS_LF,
  CLASS_NUL,
  CLASS_HIGH,
} ByteClass;

typedef enum
{
  END_SEPARATOR,
  END_LINE,
  END_FILE,
  END_ERROR,
} FieldEnd;

typedef struct
{
  gsize    start;        /* offset of the content in data, or in scratch */
  gsize    length;
  gsize    offset;       /* where the field begins in data */
  gsize    line_start;   /* offset of the first byte of that line */
  guint    line;
  gboolean unescaped;    /* content lives in the scratch string */
  gboolean quoted;
} McCsvField;

struct _McCsvReader
{
  const char *data;
  gsize       length;
  gsize       body;          /* first byte after a byte-order mark */
  gsize       pos;           /* next byte to read */
  gsize       line_start;    /* offset of the first byte of the line at pos */
  guint       line;          /* 1-based line number at pos */
  guint       row_line;      /* line where the current row starts */
  gsize       end_offset;    /* where the current row ends */
  gsize       end_line_start;
  guint       end_line;
  char        separator;
  guint8      klass[256];    /* ByteClass outside quotes */
  McCsvField *fields;        /* the fields of the current row */
  guint       n_fields;
  guint       fields_size;   /* allocated */
  GString    *scratch;
};

G_DEFINE_QUARK (mc-csv-error-quark, mc_csv_error)

/* The separators a file may use, in the order that breaks a tie. */
static const char separators[] = { ',', ';', '\t', '|' };

/* How many lines the separator is sniffed from. */
#define SNIFF_LINES 20

/* Counts each separator outside quotes on each of the first lines. */
static guint
count_separators (const char *data,
                  gsize       length,
                  guint       counts[][G_N_ELEMENTS (separators)])
{
  gboolean quoted = FALSE;
  guint line = 0;

  memset (counts, 0, sizeof (guint) * SNIFF_LINES * G_N_ELEMENTS (separators));
  for (gsize i = 0; i < length && line < SNIFF_LINES; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          line++;
        }
      else if (!quoted)
        for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
          if (c == separators[s])
            counts[line][s]++;
    }
  /* A last line without a line break counts too. */
  return MIN (line + (length > 0 && data[length - 1] != '\n' && data[length - 1] != '\r'),
              SNIFF_LINES);
}

/* The separator that splits the first lines into the same number of
 * fields, the most of them: ";" where commas mark decimals ("9,2;11,8"),
 * tabs in tables pasted from spreadsheets, else a comma. */
static char
detect_separator (const char *data,
                  gsize       length)
{
  guint counts[SNIFF_LINES][G_N_ELEMENTS (separators)];
  guint n_lines = count_separators (data, length, counts);
  char best = ',';
  guint best_count = 0;

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      gboolean steady = counts[0][s] > 0;

      for (guint line = 1; steady && line < n_lines; line++)
        steady = counts[line][s] == counts[0][s];
      if (steady && counts[0][s] > best_count)
        {
          best = separators[s];
          best_count = counts[0][s];
        }
    }
  /* Lines that disagree for every separator: the one the header uses
   * most, and the rows that do not fit say so. */
  for (guint s = 0; best_count == 0 && s < G_N_ELEMENTS (separators); s++)
    if (counts[0][s] > counts[0][0])
      best = separators[s];
  return best;
}

/**
 * mc_csv_detect_separator:
 *
 * Returns: the separator the first lines of @data use
 */
char
mc_csv_detect_separator (const char *data,
                         gsize       length)
{
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  return detect_separator (data, length);
}

static void
init_classes (McCsvReader *reader)
{
  memset (reader->klass, CLASS_PLAIN, sizeof reader->klass);
  for (guint i = 0x80; i < 0x100; i++)
    reader->klass[i] = CLASS_HIGH;
  reader->klass[0] = CLASS_NUL;
  reader->klass['"'] = CLASS_QUOTE;
  reader->klass['\r'] = CLASS_CR;
  reader->klass['\n'] = CLASS_LF;
  reader->klass[(guchar) reader->separator] = CLASS_SEPARATOR;
}

/**
 * mc_csv_reader_new:
 * @data: the CSV text; it must stay alive and unchanged while the reader is
 *   used. It need not be NUL-terminated.
 * @length: its length in bytes
 * @separator: ',' or '\t' (or any ASCII punctuation), or
 *   %MC_CSV_SEPARATOR_AUTO to detect it from the first line
 *
 * A UTF-8 byte-order mark at the start is skipped.
 *
 * Returns: (transfer full): a reader positioned before the first row
 */
McCsvReader *
mc_csv_reader_new (const char *data,
                   gsize       length,
                   char        separator)
{
  McCsvReader *reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (separator != '"' && separator != '\r' && separator != '\n', NULL);

  reader = g_new0 (McCsvReader, 1);
  reader->data = data ? data : "";
  reader->length = length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->body = 3;
  if (separator == MC_CSV_SEPARATOR_AUTO)
    separator = detect_separator (reader->data + reader->body, length - reader->body);
  reader->separator = separator;
  reader->fields_size = 16;
  reader->fields = g_new (McCsvField, reader->fields_size);
  reader->scratch = g_string_new (NULL);
  init_classes (reader);
  mc_csv_reader_rewind (reader);

  return reader;
}

void
mc_csv_reader_free (McCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->fields);
  g_string_free (reader->scratch, TRUE);
  g_free (reader);
}

char
mc_csv_reader_get_separator (McCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');

  return reader->separator;
}

/**
 * mc_csv_reader_rewind:
 * @reader: a reader
 *
 * Goes back to the start of the data, to read it once more.
 */
void
mc_csv_reader_rewind (McCsvReader *reader)
{
  g_return_if_fail (reader != NULL);

  reader->pos = reader->body;
  reader->line = 1;
  reader->line_start = reader->body;
  reader->row_line = 0;
  reader->n_fields = 0;
  g_string_truncate (reader->scratch, 0);
}

static guint
column_at (McCsvReader *reader,
           gsize        line_start,
           gsize        offset)
{
  /* Everything before @offset has been validated as UTF-8 already. */
  return g_utf8_strlen (reader->data + line_start, offset - line_start) + 1;
}

static void
set_error_at (McCsvReader *reader,
              GError     **error,
              McCsvError   code,
              guint        line,
              gsize        line_start,
              gsize        offset,
              const char  *message)
{
  g_set_error (error, MC_CSV_ERROR, code, "%u:%u: %s",
               line, column_at (reader, line_start, offset), message);
}

static void
set_error_here (McCsvReader *reader,
                GError     **error,
                McCsvError   code,
                const char  *message)
{
  set_error_at (reader, error, code, reader->line, reader->line_start,
                reader->pos, message);
}

/* Steps over one non-ASCII character at pos, checking it is valid UTF-8. */
static gboolean
skip_utf8 (McCsvReader *reader,
           GError     **error)
{
  const char *p = reader->data + reader->pos;
  gunichar c = g_utf8_get_char_validated (p, reader->length - reader->pos);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      g_autofree char *message =
        g_strdup_printf (_("invalid UTF-8 (byte 0x%02X); save the file as UTF-8"),
                         (guchar) *p);
      set_error_here (reader, error, MC_CSV_ERROR_ENCODING, message);
      return FALSE;
    }
  reader->pos += g_utf8_skip[(guchar) *p];
  return TRUE;
}

static void
nul_error (McCsvReader *reader,
           GError     **error)
{
  set_error_here (reader, error, MC_CSV_ERROR_ENCODING,
                  _("NUL byte in the text; this looks like a binary file"));
}

/* Consumes a line break at pos (CR, LF or CR LF). */
static void
skip_line_break (McCsvReader *reader)
{
  if (reader->data[reader->pos] == '\r')
    reader->pos++;
  if (reader->pos < reader->length && reader->data[reader->pos] == '\n')
    reader->pos++;
  reader->line++;
  reader->line_start = reader->pos;
}

static void
mark_row_end (McCsvReader *reader)
{
  reader->end_offset = reader->pos;
  reader->end_line = reader->line;
  reader->end_line_start = reader->line_start;
}

static gboolean
field_too_long (McCsvReader *reader,
                McCsvField  *field,
                GError     **error)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("field is longer than %u KiB"),
                             MC_CSV_MAX_FIELD_LENGTH / 1024);
  set_error_at (reader, error, MC_CSV_ERROR_TOO_LARGE, field->line,
                field->line_start, field->offset, message);
  return FALSE;
}

static inline gboolean
check_field_length (McCsvReader *reader,
                    McCsvField  *field,
                    GError     **error)
{
  if (G_LIKELY (field->length <= MC_CSV_MAX_FIELD_LENGTH))
    return TRUE;
  return field_too_long (reader, field, error);
}

/* Where a field ends: at a separator, a line break or the end of data. */
static FieldEnd
finish_field (McCsvReader *reader)
{
  if (reader->pos >= reader->length)
    {
      mark_row_end (reader);
      return END_FILE;
    }
  if (reader->data[reader->pos] == reader->separator)
    {
      reader->pos++;
      return END_SEPARATOR;
    }
  mark_row_end (reader);
  skip_line_break (reader);
  return END_LINE;
}

static FieldEnd
read_unquoted (McCsvReader *reader,
               McCsvField  *field,
               GError     **error)
{
  const guchar *data = (const guchar *) reader->data;

  field->start = reader->pos;
  for (;;)
    {
      while (reader->pos < reader->length && reader->klass[data[reader->pos]] == CLASS_PLAIN)
        reader->pos++;
      if (reader->pos >= reader->length)
        break;

      switch (reader->klass[data[reader->pos]])
        {
        case CLASS_QUOTE:
          /* A quote inside an unquoted field is taken literally. */
          reader->pos++;
          continue;
        case CLASS_HIGH:
          if (!skip_utf8 (reader, error))
            return END_ERROR;
          continue;
        case CLASS_NUL:
          nul_error (reader, error);
          return END_ERROR;
        default:
          break;
        }
      break;
    }
  field->length = reader->pos - field->start;
  if (!check_field_length (reader, field, error))
    return END_ERROR;

  return finish_field (reader);
}

static void
append_segment (McCsvReader *reader,
                McCsvField  *field,
                gsize        from,
                gsize        to)
{
  if (!field->unescaped)
    {
      field->unescaped = TRUE;
      field->start = reader->scratch->len;
    }
  g_string_append_len (reader->scratch, reader->data + from, to - from);
}

static gboolean
after_closing_quote (McCsvReader *reader,
                     GError     **error)
{
  char c;

  while (reader->pos < reader->length && reader->data[reader->pos] == ' ')
    reader->pos++;
  if (reader->pos >= reader->length)
    return TRUE;

  c = reader->data[reader->pos];
  if (c == reader->separator || c == '\r' || c == '\n')
    return TRUE;

  set_error_here (reader, error, MC_CSV_ERROR_SYNTAX,
                  _("unexpected text after the closing quote of a field; "
                    "a quote inside a quoted field is written twice (\"\")"));
  return FALSE;
}

static void
unterminated_error (McCsvReader *reader,
                    McCsvField  *field,
                    gsize        quote,
                    GError     **error)
{
  set_error_at (reader, error, MC_CSV_ERROR_SYNTAX, field->line, field->line_start,
                quote, _("the quoted field that starts here is never closed"));
}

/* Reads a quoted field whose opening quote is at @quote. */
static FieldEnd
read_quoted (McCsvReader *reader,
             McCsvField  *field,
             gsize        quote,
             GError     **error)
{
  const guchar *data = (const guchar *) reader->data;
  gsize segment;

  field->quoted = TRUE;
  reader->pos = quote + 1;
  field->start = segment = reader->pos;
  for (;;)
    {
      guchar c;

      while (reader->pos < reader->length &&
             (reader->klass[data[reader->pos]] == CLASS_PLAIN ||
              reader->klass[data[reader->pos]] == CLASS_SEPARATOR))
        reader->pos++;
      if (reader->pos >= reader->length)
        {
          unterminated_error (reader, field, quote, error);
          return END_ERROR;
        }

      c = data[reader->pos];
      if (c == '"')
        {
          if (reader->pos + 1 < reader->length && data[reader->pos + 1] == '"')
            {
              append_segment (reader, field, segment, reader->pos + 1);
              reader->pos += 2;
              segment = reader->pos;
              if (reader->scratch->len - field->start > MC_CSV_MAX_FIELD_LENGTH)
                break;
              continue;
            }
          break;
        }
      else if (c == '\r' || c == '\n')
        skip_line_break (reader);
      else if (c == 0)
        {
          nul_error (reader, error);
          return END_ERROR;
        }
      else if (!skip_utf8 (reader, error))
        return END_ERROR;
    }

  if (field->unescaped)
    {
      append_segment (reader, field, segment, reader->pos);
      field->length = reader->scratch->len - field->start;
    }
  else
    field->length = reader->pos - field->start;
  if (!check_field_length (reader, field, error))
    return END_ERROR;

  reader->pos++;
  if (!after_closing_quote (reader, error))
    return END_ERROR;
  return finish_field (reader);
}

static FieldEnd
read_field (McCsvReader *reader,
            GError     **error)
{
  McCsvField *field;
  gsize p = reader->pos;

  if (reader->n_fields >= MC_CSV_MAX_FIELDS)
    {
      g_autofree char *message =
        g_strdup_printf (_("more than %u fields in a row"), MC_CSV_MAX_FIELDS);
      set_error_here (reader, error, MC_CSV_ERROR_TOO_LARGE, message);
      return END_ERROR;
    }

  if (reader->n_fields == reader->fields_size)
    {
      reader->fields_size *= 2;
      reader->fields = g_renew (McCsvField, reader->fields, reader->fields_size);
    }
  field = &reader->fields[reader->n_fields++];
  *field = (McCsvField) { 0, };
  field->offset = reader->pos;
  field->line = reader->line;
  field->line_start = reader->line_start;

  /* Spaces before an opening quote are tolerated: a, "b" */
  while (p < reader->length && reader->data[p] == ' ')
    p++;

  if (p < reader->length && reader->data[p] == '"')
    return read_quoted (reader, field, p, error);
  return read_unquoted (reader, field, error);
}

/* A line holding nothing but spaces is skipped, as is an empty line. */
static gboolean
skip_blank_line (McCsvReader *reader)
{
  gsize p = reader->pos;

  while (p < reader->length &&
         (reader->data[p] == ' ' || (reader->data[p] == '\t' && reader->separator != '\t')))
    p++;
  if (p < reader->length && reader->data[p] != '\r' && reader->data[p] != '\n')
    return FALSE;

  reader->pos = p;
  if (p < reader->length)
    skip_line_break (reader);
  return TRUE;
}

/**
 * mc_csv_reader_next_row:
 * @reader: a reader
 * @error: return location for an error in %MC_CSV_ERROR, whose message
 *   starts with "line:column: "
 *
 * Reads the next row. Empty lines are skipped; a row always has at least
 * one field.
 *
 * Returns: %TRUE if a row was read; %FALSE at the end of the data (with
 *   @error unset) or on an error
 */
gboolean
mc_csv_reader_next_row (McCsvReader  *reader,
                        GError      **error)
{
  FieldEnd end;

  g_return_val_if_fail (reader != NULL, FALSE);

  reader->n_fields = 0;
  if (reader->scratch->len > 0)
    g_string_truncate (reader->scratch, 0);

  while (reader->pos < reader->length && skip_blank_line (reader))
    ;
  if (reader->pos >= reader->length)
    return FALSE;

  reader->row_line = reader->line;
  do
    end = read_field (reader, error);
  while (end == END_SEPARATOR);

  if (end == END_ERROR)
    {
      reader->n_fields = 0;
      reader->pos = reader->length;
      return FALSE;
    }
  return TRUE;
}

guint
mc_csv_reader_get_n_fields (McCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_fields;
}

/**
 * mc_csv_reader_get_field:
 * @reader: a reader
 * @index: a field of the current row
 * @length: (out): the length of the field in bytes
 *
 * Returns: the unquoted content of the field. It is NOT NUL-terminated and
 *   stays valid until the next call to mc_csv_reader_next_row().
 */
const char *
mc_csv_reader_get_field (McCsvReader *reader,
                         guint        index,
                         gsize       *length)
{
  const McCsvField *field;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (index < reader->n_fields, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  field = &reader->fields[index];
  *length = field->length;
  if (field->unescaped)
    return reader->scratch->str + field->start;
  return reader->data + field->start;
}

char *
mc_csv_reader_dup_field (McCsvReader *reader,
                         guint        index)
{
  gsize length;
  const char *text = mc_csv_reader_get_field (reader, index, &length);

  return text ? g_strndup (text, length) : NULL;
}

gboolean
mc_csv_reader_field_is_quoted (McCsvReader *reader,
                               guint        index)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (index < reader->n_fields, FALSE);

  return reader->fields[index].quoted;
}

/* Where the next row starts: bytes from the start of the data. */
gsize
mc_csv_reader_get_offset (McCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->pos;
}

/* The line where the current row starts. */
guint
mc_csv_reader_get_line (McCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->row_line;
}

void
mc_csv_reader_get_field_position (McCsvReader *reader,
                                  guint        index,
                                  guint       *line,
                                  guint       *column)
{
  const McCsvField *field;

  g_return_if_fail (reader != NULL);
  g_return_if_fail (index < reader->n_fields);

  field = &reader->fields[index];
  *line = field->line;
  *column = column_at (reader, field->line_start, field->offset);
}

/* The position just after the last field of the current row. */
void
mc_csv_reader_get_end_position (McCsvReader *reader,
                                guint       *line,
                                guint       *column)
{
  g_return_if_fail (reader != NULL);

  *line = reader->end_line;
  *column = column_at (reader, reader->end_line_start, reader->end_offset);
}

/* Numbers */

typedef struct
{
  guint64  mantissa;
  int      n_digits;    /* significant digits in mantissa */
  int      exponent;    /* value = mantissa * 10^exponent */
  gboolean truncated;   /* non-zero digits were dropped from the mantissa */
  gboolean negative;
} Decimal;

static inline gboolean
is_digit (char c)
{
  return (guint) (c - '0') < 10;
}

/* Reads a run of digits into @d; each digit of a fraction lowers the
 * exponent. Returns how many digits there were. */
static inline gsize
scan_digits (const char **p,
             const char  *end,
             Decimal     *d,
             gboolean     fraction)
{
  const char *start = *p;
  const char *q = start;
  guint64 mantissa = d->mantissa;
  int n_digits = d->n_digits;
  int exponent = d->exponent;

  for (; q < end && is_digit (*q); q++)
    {
      guint digit = *q - '0';

      if (n_digits < MC_CSV_MAX_MANTISSA_DIGITS)
        {
          mantissa = mantissa * 10 + digit;
          /* Leading zeros are not significant. */
          if (mantissa != 0)
            n_digits++;
          if (fraction)
            exponent--;
        }
      else
        {
          if (digit != 0)
            d->truncated = TRUE;
          if (!fraction)
            exponent++;
        }
    }
  d->mantissa = mantissa;
  d->n_digits = n_digits;
  d->exponent = exponent;
  *p = q;
  return q - start;
}

/* A number of at most this many characters has at most as many digits,
 * which can't overflow the mantissa. */
static inline gsize
scan_short_digits (const char **p,
                   const char  *end,
                   guint64     *mantissa)
{
  const char *start = *p;
  const char *q = start;
  guint64 m = *mantissa;

  for (; q < end && is_digit (*q); q++)
    m = m * 10 + (guint) (*q - '0');
  *mantissa = m;
  *p = q;
  return q - start;
}

/* The optional exponent at @p: [eE][+-]digits. */
static gboolean
scan_exponent (const char *p,
               const char *end,
               Decimal    *d)
{
  gboolean negative = FALSE;
  int exponent = 0;
  guint n_exp = 0;

  if (p == end)
    return TRUE;
  if (*p != 'e' && *p != 'E')
    return FALSE;

  p++;
  if (p < end && (*p == '-' || *p == '+'))
    negative = (*p++ == '-');
  for (; p < end && is_digit (*p); p++, n_exp++)
    if (exponent < 100000)
      exponent = exponent * 10 + (*p - '0');
  if (n_exp == 0 || p != end)
    return FALSE;
  d->exponent += negative ? -exponent : exponent;
  return TRUE;
}

/* Checks the syntax [+-]digits[.digits][e[+-]digits] and splits it up. */
static gboolean
scan_decimal (const char *text,
              gsize       length,
              Decimal    *d)
{
  const char *p = text;
  const char *end = text + length;
  gsize n_int, n_frac = 0;

  if (p < end && (*p == '-' || *p == '+'))
    d->negative = (*p++ == '-');

  if (length <= MC_CSV_MAX_MANTISSA_DIGITS)
    {
      /* The usual case, with fewer checks. */
      n_int = scan_short_digits (&p, end, &d->mantissa);
      if (p < end && *p == '.')
        {
          p++;
          n_frac = scan_short_digits (&p, end, &d->mantissa);
          d->exponent = -(int) n_frac;
        }
    }
  else
    {
      n_int = scan_digits (&p, end, d, FALSE);
      if (p < end && *p == '.')
        {
          p++;
          n_frac = scan_digits (&p, end, d, TRUE);
        }
    }
  if (n_int + n_frac == 0)
    return FALSE;

  return scan_exponent (p, end, d);
}

/* A mantissa of all its digits (19 at most) scaled by its power of ten
 * (mc_csv_scale_exact()). A mantissa whose digits were dropped, or a
 * result beyond what that rounds, goes the slow way. */
static gboolean
fast_path (const Decimal *d,
           double        *value)
{
  if (d->truncated)
    return FALSE;
  if (d->mantissa == 0)
    *value = 0.0;
  else if (!mc_csv_scale_exact (d->mantissa, d->exponent, value))
    return FALSE;

  if (d->negative)
    *value = -*value;
  return TRUE;
}

static McCsvNumberResult
slow_path (const char *text,
           gsize       length,
           double     *value)
{
  char buffer[64];
  g_autofree char *copy = NULL;
  char *start = buffer;
  char *end = NULL;
  double result;

  if (length < sizeof buffer)
    {
      memcpy (buffer, text, length);
      buffer[length] = '\0';
    }
  else
    start = copy = g_strndup (text, length);

  errno = 0;
  result = g_ascii_strtod (start, &end);
  if (end != start + length)
    return MC_CSV_NUMBER_INVALID;
  if (errno == ERANGE && (result > 1.0 || result < -1.0))
    return MC_CSV_NUMBER_RANGE;

  *value = result;
  return MC_CSV_NUMBER_OK;
}

/**
 * mc_csv_parse_number:
 * @text: the text of a number, not necessarily NUL-terminated
 * @length: its length in bytes
 * @value: (out): the number, correctly rounded
 *
 * Parses a decimal number the same way in every locale: an optional sign,
 * digits with an optional decimal point, and an optional exponent ("-1.5",
 * "3", ".25", "6.02e23"). No spaces, thousands separators, hexadecimal,
 * "inf" or "nan".
 *
 * Returns: whether @text is a number, and if so whether it is in range
 */
/**
 * mc_csv_scan_number:
 * @text: where a field starts
 * @end: the end of the data
 * @value: (out): the number
 *
 * Reads a short number ([+-]digits[.digits], at most 19 characters) at
 * the start of @text, for readers that split fields themselves: when the
 * byte after it ends the field, @value is what mc_csv_parse_number()
 * gives for the field.
 *
 * Returns: how many bytes the number takes, or 0 when @text does not
 *   start with a short number (then parse the whole field with
 *   mc_csv_parse_number())
 */
gsize
mc_csv_scan_number (const char *text,
                    const char *end,
                    double     *value)
{
  g_return_val_if_fail (text != NULL && end >= text, 0);
  g_return_val_if_fail (value != NULL, 0);

  return mc_csv_scan_short (text, end, value);
}

/* Everything but short numbers; kept out of line, so that the short ones
 * cost no more than their digits. */
static G_GNUC_NO_INLINE McCsvNumberResult
parse_long (const char *text,
            gsize       length,
            double     *value)
{
  Decimal d = { 0, };

  if (!scan_decimal (text, length, &d))
    return MC_CSV_NUMBER_INVALID;
  if (fast_path (&d, value))
    return MC_CSV_NUMBER_OK;
  return slow_path (text, length, value);
}

McCsvNumberResult
mc_csv_parse_number (const char *text,
                     gsize       length,
                     double     *value)
{
  double short_value;

  g_return_val_if_fail (text != NULL || length == 0, MC_CSV_NUMBER_INVALID);
  g_return_val_if_fail (value != NULL, MC_CSV_NUMBER_INVALID);

  if (length <= MC_CSV_MAX_MANTISSA_DIGITS && length > 0
      && mc_csv_scan_short (text, text + length, &short_value) == length)
    {
      *value = short_value;
      return MC_CSV_NUMBER_OK;
    }
  return parse_long (text, length, value);
}
