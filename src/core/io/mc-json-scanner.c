/* mc-json-scanner.c: a strict scan of JSON text, with exact positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scan runs before json-glib sees a dataset file (RFC 8259), with our
 * own messages and exact positions. It bounds the nesting depth before
 * json-glib, whose parser recurses, rejects numbers out of range (json-glib
 * would give inf, or wrap large integers), refuses what json-glib
 * tolerates but JSON does not (comments, single quotes, hexadecimal), and
 * notes keys that repeat in one object. It also finds a path in the text
 * again, for messages about values of the tree json-glib builds.
 */
#include "config.h"

#include "mc-json-scanner.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-cell.h"
#include "mc-csv.h"
#include "mc-decimals.h"
#include "mc-loader-error.h"

typedef struct
{
  const char    *text;
  gsize          length;
  gsize          pos;
  guint          depth;
  gsize          error_offset;
  McLoaderError  error_code;
  char          *error_message;
  GArray        *duplicates;   /* gsize: offsets of keys seen twice */
  guint          first_line;   /* of the text in its file: a JSON Lines line's */
  gboolean       one_line;
  GByteArray    *decimals;     /* of each number, when they are asked for */
} Scanner;

/* Duplicate keys are looked for among the first members of an object;
 * the objects of the format are small. */
#define MAX_CHECKED_KEYS 32

typedef struct
{
  gsize start[MAX_CHECKED_KEYS];
  gsize length[MAX_CHECKED_KEYS];
  guint n;
} KeySet;

static gboolean scan_value (Scanner *s);

G_GNUC_PRINTF (4, 5)
static gboolean
scan_fail (Scanner       *s,
           gsize          offset,
           McLoaderError  code,
           const char    *format,
           ...)
{
  va_list args;

  g_clear_pointer (&s->error_message, g_free);
  va_start (args, format);
  s->error_message = g_strdup_vprintf (format, args);
  va_end (args);
  s->error_offset = offset;
  s->error_code = code;
  return FALSE;
}

static gboolean
at_end (Scanner *s)
{
  return s->pos >= s->length;
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length &&
         (s->text[s->pos] == ' ' || s->text[s->pos] == '\t' ||
          s->text[s->pos] == '\n' || s->text[s->pos] == '\r'))
    s->pos++;
}

/* “x” for the character at pos, for messages. */
static char *
describe_here (Scanner *s)
{
  const char *p = s->text + s->pos;

  if (at_end (s))
    return g_strdup (_("the end of the file"));
  return g_strdup_printf ("“%.*s”", (int) g_utf8_skip[(guchar) *p], p);
}

static char *
describe_offset (Scanner *s,
                 gsize    offset)
{
  guint line, column;

  mc_loader_position (s->text, s->length, offset, &line, &column);
  return g_strdup_printf ("%u:%u", line + s->first_line - 1, column);
}

/* Explains a character that cannot start a value or a key. */
static gboolean
unexpected (Scanner    *s,
            const char *expected)
{
  g_autofree char *found = describe_here (s);

  if (!at_end (s) && s->text[s->pos] == '/')
    return scan_fail (s, s->pos, MC_LOADER_ERROR_SYNTAX,
                      _("comments are not allowed in JSON"));
  if (!at_end (s) && s->text[s->pos] == '\'')
    return scan_fail (s, s->pos, MC_LOADER_ERROR_SYNTAX,
                      _("JSON strings use double quotes (\"), not single quotes"));
  return scan_fail (s, s->pos, MC_LOADER_ERROR_SYNTAX, _("expected %s, found %s"),
                    expected, found);
}

static gboolean
read_hex4 (Scanner *s,
           guint   *value)
{
  *value = 0;
  for (int i = 0; i < 4; i++, s->pos++)
    {
      int digit = at_end (s) ? -1 : g_ascii_xdigit_value (s->text[s->pos]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
    }
  return TRUE;
}

static gboolean
scan_unicode_escape (Scanner *s,
                     gsize    escape)
{
  guint code, low;

  s->pos++;
  if (!read_hex4 (s, &code))
    return scan_fail (s, escape, MC_LOADER_ERROR_SYNTAX,
                      _("\\u must be followed by four hexadecimal digits"));
  if (code == 0)
    return scan_fail (s, escape, MC_LOADER_ERROR_SYNTAX,
                      _("\\u0000 (a NUL character) is not allowed in a string"));
  if (code >= 0xDC00 && code <= 0xDFFF)
    return scan_fail (s, escape, MC_LOADER_ERROR_SYNTAX,
                      _("unpaired UTF-16 surrogate \\u%04X"), code);
  if (code >= 0xD800 && code <= 0xDBFF)
    {
      if (s->length - s->pos < 2 || s->text[s->pos] != '\\' || s->text[s->pos + 1] != 'u')
        return scan_fail (s, escape, MC_LOADER_ERROR_SYNTAX,
                          _("unpaired UTF-16 surrogate \\u%04X"), code);
      s->pos += 2;
      if (!read_hex4 (s, &low) || low < 0xDC00 || low > 0xDFFF)
        return scan_fail (s, escape, MC_LOADER_ERROR_SYNTAX,
                          _("unpaired UTF-16 surrogate \\u%04X"), code);
    }
  return TRUE;
}

static gboolean
scan_escape (Scanner *s)
{
  gsize escape = s->pos;

  s->pos++;
  if (at_end (s))
    return FALSE;
  if (s->text[s->pos] == 'u')
    return scan_unicode_escape (s, escape);
  if (strchr ("\"\\/bfnrt", s->text[s->pos]) == NULL)
    return scan_fail (s, escape, MC_LOADER_ERROR_SYNTAX,
                      _("unknown escape “\\%.*s” in a string; valid escapes are "
                        "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
                      (int) g_utf8_skip[(guchar) s->text[s->pos]], s->text + s->pos);
  s->pos++;
  return TRUE;
}

static gboolean
scan_string (Scanner *s)
{
  gsize start = s->pos;

  s->pos++;
  while (!at_end (s))
    {
      guchar c = s->text[s->pos];

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c == '\\')
        {
          if (!scan_escape (s))
            {
              if (s->error_message != NULL)
                return FALSE;
              break;
            }
          continue;
        }
      if (c == '\n' || c == '\r')
        return scan_fail (s, s->pos, MC_LOADER_ERROR_SYNTAX,
                          _("line break inside a string (missing closing quote?); "
                            "write \\n for a line break"));
      if (c < 0x20)
        return scan_fail (s, s->pos, MC_LOADER_ERROR_SYNTAX,
                          _("control character U+%04X inside a string; escape it "
                            "as \\u%04X"), c, c);
      s->pos++;
    }
  return scan_fail (s, start, MC_LOADER_ERROR_SYNTAX,
                    _("the string that starts here is never closed"));
}

static gsize
skip_digits (Scanner *s)
{
  gsize start = s->pos;

  while (!at_end (s) && g_ascii_isdigit (s->text[s->pos]))
    s->pos++;
  return s->pos - start;
}

/* Integers are kept as 64-bit integers by json-glib; larger ones would
 * silently wrap. */
static gboolean
integer_fits (const char *digits,
              gsize       length)
{
  static const char max[] = "9223372036854775807";

  while (length > 1 && *digits == '0')
    digits++, length--;
  return length < sizeof max - 1 ||
         (length == sizeof max - 1 && memcmp (digits, max, length) <= 0);
}

static gboolean
check_number_range (Scanner *s,
                    gsize    start,
                    gboolean integer)
{
  const char *text = s->text + start;
  gsize length = s->pos - start;
  gsize sign = (*text == '-');
  double value;

  if (integer && !integer_fits (text + sign, length - sign))
    return scan_fail (s, start, MC_LOADER_ERROR_VALUE,
                      _("the integer %.*s is too large; write large numbers with an "
                        "exponent, e.g. 1.5e19"), (int) MIN (length, 40), text);
  if (!integer && mc_csv_parse_number (text, length, &value) == MC_CSV_NUMBER_RANGE)
    return scan_fail (s, start, MC_LOADER_ERROR_VALUE,
                      _("the number %.*s is out of range; the largest number is "
                        "about 1.8e308"), (int) MIN (length, 40), text);
  return TRUE;
}

static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean integer = TRUE;
  gsize n;

  if (s->text[s->pos] == '-')
    s->pos++;
  if (!at_end (s) && s->text[s->pos] == 'I')
    return scan_fail (s, start, MC_LOADER_ERROR_SYNTAX,
                      _("Infinity is not a JSON number"));
  n = skip_digits (s);
  if (n == 0)
    return unexpected (s, _("a digit"));
  if (n > 1 && s->text[s->pos - n] == '0')
    return scan_fail (s, start, MC_LOADER_ERROR_SYNTAX,
                      _("a JSON number cannot start with 0 followed by more digits"));
  if (!at_end (s) && s->text[s->pos] == '.')
    {
      s->pos++;
      integer = FALSE;
      if (skip_digits (s) == 0)
        return unexpected (s, _("a digit after the decimal point"));
    }
  if (!at_end (s) && (s->text[s->pos] == 'e' || s->text[s->pos] == 'E'))
    {
      s->pos++;
      integer = FALSE;
      if (!at_end (s) && (s->text[s->pos] == '+' || s->text[s->pos] == '-'))
        s->pos++;
      if (skip_digits (s) == 0)
        return unexpected (s, _("a digit in the exponent"));
    }
  if (s->decimals != NULL)
    {
      guint8 decimals = MIN (mc_cell_written_decimals (s->text + start, s->pos - start, '.'),
                             MC_DECIMALS_MAX);

      g_byte_array_append (s->decimals, &decimals, 1);
    }
  return check_number_range (s, start, integer);
}

static gboolean
scan_word (Scanner *s)
{
  gsize start = s->pos;
  gsize length;
  const char *word = s->text + start;

  while (!at_end (s) && (g_ascii_isalnum (s->text[s->pos]) || s->text[s->pos] == '_'))
    s->pos++;
  length = s->pos - start;

  if ((length == 4 && memcmp (word, "true", 4) == 0) ||
      (length == 5 && memcmp (word, "false", 5) == 0) ||
      (length == 4 && memcmp (word, "null", 4) == 0))
    return TRUE;
  if ((length == 3 && memcmp (word, "NaN", 3) == 0) ||
      (length == 8 && memcmp (word, "Infinity", 8) == 0))
    return scan_fail (s, start, MC_LOADER_ERROR_SYNTAX,
                      _("%.*s is not a JSON number; use null for a missing value"),
                      (int) length, word);
  return scan_fail (s, start, MC_LOADER_ERROR_SYNTAX,
                    _("expected a value (a string, number, object, array, true, "
                      "false or null), found “%.*s”"), (int) MIN (length, 40), word);
}

static gboolean
enter (Scanner *s)
{
  if (s->depth >= MC_LOADER_MAX_DEPTH)
    return scan_fail (s, s->pos, MC_LOADER_ERROR_TOO_LARGE,
                      _("objects and arrays are nested more than %d levels deep"),
                      MC_LOADER_MAX_DEPTH);
  s->depth++;
  s->pos++;
  skip_space (s);
  return TRUE;
}

static gboolean
unclosed (Scanner    *s,
          gsize       open,
          const char *what)
{
  g_autofree char *where = describe_offset (s, open);

  if (s->one_line)
    /* Translators: %s is "object" or "array", then a line:column */
    return scan_fail (s, s->pos, MC_LOADER_ERROR_SYNTAX,
                      _("the line ends before the %s opened at %s is closed"), what, where);
  /* Translators: %s is "object" or "array", then a line:column */
  return scan_fail (s, s->pos, MC_LOADER_ERROR_SYNTAX,
                    _("unexpected end of file: the %s opened at %s is not closed"),
                    what, where);
}

static gboolean
after_comma (Scanner *s,
             char     close)
{
  if (!at_end (s) && s->text[s->pos] == close)
    return scan_fail (s, s->pos, MC_LOADER_ERROR_SYNTAX,
                      _("“%c” after a comma; JSON does not allow a trailing comma"),
                      close);
  return TRUE;
}

/* json-glib keeps the last of repeated keys; the loader warns about them. */
static void
check_duplicate_key (Scanner *s,
                     KeySet  *keys,
                     gsize    start)
{
  gsize length = s->pos - start;

  for (guint i = 0; i < keys->n; i++)
    {
      if (keys->length[i] == length &&
          memcmp (s->text + keys->start[i], s->text + start, length) == 0)
        {
          if (s->duplicates == NULL)
            s->duplicates = g_array_new (FALSE, FALSE, sizeof (gsize));
          g_array_append_val (s->duplicates, start);
          return;
        }
    }
  if (keys->n < MAX_CHECKED_KEYS)
    {
      keys->start[keys->n] = start;
      keys->length[keys->n++] = length;
    }
}

static gboolean
scan_member (Scanner *s,
             gsize    open,
             KeySet  *keys)
{
  gsize key;

  if (at_end (s))
    return unclosed (s, open, _("object"));
  if (s->text[s->pos] != '"')
    return unexpected (s, _("a key in double quotes"));
  key = s->pos;
  if (!scan_string (s))
    return FALSE;
  check_duplicate_key (s, keys, key);
  skip_space (s);
  if (at_end (s))
    return unclosed (s, open, _("object"));
  if (s->text[s->pos] != ':')
    return unexpected (s, _("“:” after the key"));
  s->pos++;
  skip_space (s);
  if (at_end (s))
    return unclosed (s, open, _("object"));
  if (!scan_value (s))
    return FALSE;
  skip_space (s);
  return TRUE;
}

static gboolean
scan_object (Scanner *s)
{
  gsize open = s->pos;
  KeySet keys;

  keys.n = 0;
  if (!enter (s))
    return FALSE;
  if (!at_end (s) && s->text[s->pos] == '}')
    goto done;

  for (;;)
    {
      if (!scan_member (s, open, &keys))
        return FALSE;
      if (at_end (s))
        return unclosed (s, open, _("object"));
      if (s->text[s->pos] == '}')
        break;
      if (s->text[s->pos] != ',')
        return unexpected (s, _("“,” or “}” after an object member"));
      s->pos++;
      skip_space (s);
      if (!after_comma (s, '}'))
        return FALSE;
    }
done:
  s->pos++;
  s->depth--;
  return TRUE;
}

static gboolean
scan_array (Scanner *s)
{
  gsize open = s->pos;

  if (!enter (s))
    return FALSE;
  if (!at_end (s) && s->text[s->pos] == ']')
    goto done;

  for (;;)
    {
      if (at_end (s))
        return unclosed (s, open, _("array"));
      if (!scan_value (s))
        return FALSE;
      skip_space (s);
      if (at_end (s))
        return unclosed (s, open, _("array"));
      if (s->text[s->pos] == ']')
        break;
      if (s->text[s->pos] != ',')
        return unexpected (s, _("“,” or “]” after an array element"));
      s->pos++;
      skip_space (s);
      if (!after_comma (s, ']'))
        return FALSE;
    }
done:
  s->pos++;
  s->depth--;
  return TRUE;
}

static gboolean
scan_value (Scanner *s)
{
  char c;

  if (at_end (s))
    return unexpected (s, _("a value"));

  c = s->text[s->pos];
  if (c == '{')
    return scan_object (s);
  if (c == '[')
    return scan_array (s);
  if (c == '"')
    return scan_string (s);
  if (c == '-' || g_ascii_isdigit (c))
    return scan_number (s);
  if (g_ascii_isalpha (c))
    return scan_word (s);
  if (c == '+' || c == '.')
    return scan_fail (s, s->pos, MC_LOADER_ERROR_SYNTAX,
                      _("a JSON number starts with a digit or “-”"));
  return unexpected (s, _("a value"));
}

/**
 * mc_json_scanner_check_syntax:
 * @name: the file, for messages
 * @text: its text, valid UTF-8
 * @length: its length
 * @duplicates: (out) (transfer full) (nullable): offsets (gsize) of the
 *   keys that repeat a key of the same object, or %NULL when none does
 * @error: return location for an error in %MC_LOADER_ERROR
 *
 * Checks that @text is one JSON value (RFC 8259) nested at most
 * %MC_LOADER_MAX_DEPTH levels, with numbers that json-glib reads exactly.
 * The message of the first fault says where it is and what was expected.
 */
static gboolean
check (Scanner     *s,
       const char  *name,
       GArray     **duplicates,
       GError     **error)
{
  guint line, column;

  skip_space (s);
  if (at_end (s))
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, s->one_line ? s->first_line : 0,
                           s->one_line ? 1 : 0, _("the file is empty"));
      return FALSE;
    }
  if (scan_value (s))
    {
      skip_space (s);
      if (at_end (s))
        {
          *duplicates = s->duplicates;
          return TRUE;
        }
      unexpected (s, s->one_line ? _("the end of the line after the JSON data")
                                 : _("the end of the file after the JSON data"));
    }

  g_clear_pointer (&s->duplicates, g_array_unref);
  mc_loader_position (s->text, s->length, s->error_offset, &line, &column);
  mc_loader_set_error (error, s->error_code, name, line + s->first_line - 1, column, "%s",
                       s->error_message);
  g_free (s->error_message);
  return FALSE;
}

gboolean
mc_json_scanner_check_syntax (const char  *name,
                              const char  *text,
                              gsize        length,
                              GArray     **duplicates,
                              GError     **error)
{
  Scanner s = { text, length, 0, };

  s.first_line = 1;
  return check (&s, name, duplicates, error);
}

/**
 * mc_json_scanner_check_line:
 * @number: the line's number in its file, from 1
 *
 * Same as mc_json_scanner_check_syntax(), for one line of a JSON Lines
 * file: positions in messages are the file's.
 */
gboolean
mc_json_scanner_check_line (const char  *name,
                            const char  *text,
                            gsize        length,
                            guint        number,
                            GArray     **duplicates,
                            GError     **error)
{
  Scanner s = { text, length, 0, };

  s.first_line = number;
  s.one_line = TRUE;
  return check (&s, name, duplicates, error);
}

/**
 * mc_json_scanner_number_decimals:
 * @offset: where a value of @text starts, which
 *   mc_json_scanner_check_syntax() has checked
 *
 * json-glib reads 36.0 and 36 as the same number: the decimals each
 * number is written with are found in the text.
 *
 * Returns: (transfer full) (nullable): the decimals of every number of
 *   the value, as written ("36.0": 1), in the order of the text; %NULL
 *   when there is no value at @offset
 */
GByteArray *
mc_json_scanner_number_decimals (const char *text,
                                 gsize       length,
                                 gsize       offset)
{
  Scanner s = { text, length, offset, };

  s.decimals = g_byte_array_new ();
  if (!scan_value (&s))
    {
      g_free (s.error_message);
      g_clear_pointer (&s.decimals, g_byte_array_unref);
    }
  g_clear_pointer (&s.duplicates, g_array_unref);
  return s.decimals;
}

/* Finding a path in the text again */

/* Decodes the JSON string at pos, which the scan has checked, and steps
 * over it. */
static char *
read_key (Scanner *s)
{
  GString *out = g_string_new (NULL);

  s->pos++;
  while (s->text[s->pos] != '"')
    {
      char c = s->text[s->pos++];
      guint code, low;

      if (c != '\\')
        {
          g_string_append_c (out, c);
          continue;
        }
      c = s->text[s->pos++];
      switch (c)
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          read_hex4 (s, &code);
          if (code >= 0xD800 && code <= 0xDBFF)
            {
              s->pos += 2;
              read_hex4 (s, &low);
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
          g_string_append_unichar (out, code);
          break;
        default: g_string_append_c (out, c); break;
        }
    }
  s->pos++;
  return g_string_free (out, FALSE);
}

/* Moves to the value of member @key of the object at pos; the last one
 * wins when a key repeats, as in json-glib. */
static gboolean
locate_member (Scanner    *s,
               const char *key,
               gsize      *key_offset)
{
  gsize found = 0;

  if (s->text[s->pos] != '{')
    return FALSE;
  s->pos++;
  skip_space (s);
  while (s->text[s->pos] != '}')
    {
      gsize start = s->pos;
      g_autofree char *name = read_key (s);
      gboolean match = g_str_equal (name, key);

      skip_space (s);
      s->pos++;
      skip_space (s);
      if (match)
        {
          *key_offset = start;
          found = s->pos;
        }
      scan_value (s);
      skip_space (s);
      if (s->text[s->pos] == ',')
        s->pos++;
      skip_space (s);
    }
  if (found == 0)
    return FALSE;
  s->pos = found;
  return TRUE;
}

static gboolean
locate_element (Scanner *s,
                guint    index)
{
  if (s->text[s->pos] != '[')
    return FALSE;
  s->pos++;
  skip_space (s);
  for (guint i = 0; s->text[s->pos] != ']'; i++)
    {
      if (i == index)
        return TRUE;
      scan_value (s);
      skip_space (s);
      if (s->text[s->pos] == ',')
        s->pos++;
      skip_space (s);
    }
  return FALSE;
}

/**
 * mc_json_scanner_locate_path:
 * @text: a text that mc_json_scanner_check_syntax() accepted
 * @length: its length
 * @path: (array length=n_path): keys and indices from the root
 * @n_path: how many
 * @at_key: whether to find the key of the last element rather than its
 *   value
 *
 * json-glib keeps no positions: a message about a value looks it up
 * again, which is cheap because only errors and a few warnings do.
 *
 * Returns: the offset of the value at @path (or of its key, with @at_key),
 *   or of the deepest part of the path that exists
 */
gsize
mc_json_scanner_locate_path (const char              *text,
                             gsize                    length,
                             const McJsonPathElement *path,
                             guint                    n_path,
                             gboolean                 at_key)
{
  Scanner s = { text, length, 0, };
  gsize key_offset = 0;

  skip_space (&s);
  for (guint i = 0; i < n_path; i++)
    {
      gsize here = s.pos;
      gboolean found;

      if (path[i].key != NULL)
        found = locate_member (&s, path[i].key, &key_offset);
      else
        found = locate_element (&s, path[i].index);
      /* Scanning again records messages and repeated keys: not needed. */
      g_clear_pointer (&s.error_message, g_free);
      g_clear_pointer (&s.duplicates, g_array_unref);
      if (!found)
        return here;
    }
  if (at_key && n_path > 0 && path[n_path - 1].key != NULL)
    return key_offset;
  return s.pos;
}

/**
 * mc_json_scanner_has_member:
 *
 * Returns: whether the object that @text holds has a member @key; %FALSE
 *   when @text holds no object
 */
gboolean
mc_json_scanner_has_member (const char *text,
                            gsize       length,
                            const char *key)
{
  Scanner s = { text, length, 0, };
  gsize key_offset = 0;
  gboolean found;

  skip_space (&s);
  if (s.pos >= length || text[s.pos] != '{')
    return FALSE;
  found = locate_member (&s, key, &key_offset);
  g_clear_pointer (&s.error_message, g_free);
  g_clear_pointer (&s.duplicates, g_array_unref);
  return found;
}
