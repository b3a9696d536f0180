/* mc-loader-json.c: read the JSON dataset format, version 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading happens in three steps:
 *
 * 1. A strict scan of the text (RFC 8259) with our own messages and exact
 *    positions. It also bounds the nesting depth before json-glib, whose
 *    parser recurses, sees the text, rejects numbers out of range (json-glib
 *    would give inf, or wrap large integers) and refuses what json-glib
 *    tolerates but JSON does not (comments, single quotes, hexadecimal).
 * 2. json-glib builds the tree.
 * 3. The tree is checked against the format while a path ("rows[3][1]") is
 *    kept. json-glib keeps no positions, so when a message needs one, the
 *    path is looked up again in the text (locate_path), which is cheap
 *    because it only happens for errors and a few warnings.
 */
#include "config.h"

#include "mc-loader.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mc-chart-kind.h"
#include "mc-loader-private.h"
#include "mc-text.h"

#define FORMAT_VERSION_1 "market-charts/1"
#define MAX_PATH 8
#define MAX_LOCATED_WARNINGS 20
/* Column names listed in a message about a missing column. */
#define MAX_LISTED_NAMES 12

/* Step 1: the strict scan */

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
  return g_strdup_printf ("%u:%u", line, column);
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

static gboolean
check_syntax (const char  *name,
              const char  *text,
              gsize        length,
              GArray     **duplicates,
              GError     **error)
{
  Scanner s = { text, length, 0, };
  guint line, column;

  skip_space (&s);
  if (at_end (&s))
    {
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, 0, 0,
                           _("the file is empty"));
      return FALSE;
    }
  if (scan_value (&s))
    {
      skip_space (&s);
      if (at_end (&s))
        {
          *duplicates = s.duplicates;
          return TRUE;
        }
      unexpected (&s, _("the end of the file after the JSON data"));
    }

  g_clear_pointer (&s.duplicates, g_array_unref);
  mc_loader_position (text, length, s.error_offset, &line, &column);
  mc_loader_set_error (error, s.error_code, name, line, column, "%s", s.error_message);
  g_free (s.error_message);
  return FALSE;
}

/* Finding a path in the text again */

typedef struct
{
  const char *key;     /* NULL for an array index */
  guint       index;
} PathElement;

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

/* The offset of the value at @path (or of its key, with @at_key), or of
 * the deepest part of the path that exists. */
static gsize
locate_path (const char        *text,
             gsize              length,
             const PathElement *path,
             guint              n_path,
             gboolean           at_key)
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

/* Step 3: checking the tree */

typedef struct
{
  const char   *name;
  const char   *text;
  gsize         length;
  GFile        *base;
  GCancellable *cancellable;
  McDataset    *dataset;
  PathElement   path[MAX_PATH];
  guint         depth;
  guint         n_warnings;
  guint         n_unlocated_warnings;
  GArray       *duplicates;
} Context;

static void
push_key (Context    *ctx,
          const char *key)
{
  g_assert (ctx->depth < MAX_PATH);
  ctx->path[ctx->depth++] = (PathElement) { key, 0 };
}

static void
push_index (Context *ctx,
            guint    index)
{
  g_assert (ctx->depth < MAX_PATH);
  ctx->path[ctx->depth++] = (PathElement) { NULL, index };
}

static void
pop (Context *ctx)
{
  g_assert (ctx->depth > 0);
  ctx->depth--;
}

static gboolean
is_identifier (const char *key)
{
  if (!g_ascii_isalpha (*key) && *key != '_')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* "rows[3][1]", "columns[2].type", "charts[0][\"odd key\"]" */
static char *
path_to_string (const PathElement *path,
                guint              n_path)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_path; i++)
    {
      g_autofree char *key = path[i].key ? mc_text_shown (path[i].key) : NULL;

      if (key == NULL)
        g_string_append_printf (out, "[%u]", path[i].index);
      else if (is_identifier (path[i].key))
        g_string_append_printf (out, "%s%s", i > 0 ? "." : "", key);
      else
        g_string_append_printf (out, "[\"%s\"]", key);
    }
  return g_string_free (out, FALSE);
}

/* "name:line:column: path: message" for the current path; @n_shown of its
 * elements are named in the text (a warning about an unknown key names
 * the object that holds the key, but points at the key). */
static char *
context_message_full (Context    *ctx,
                      gboolean    at_key,
                      guint       n_shown,
                      const char *message)
{
  g_autofree char *path = path_to_string (ctx->path, n_shown);
  g_autofree char *text = NULL;
  gsize offset = locate_path (ctx->text, ctx->length, ctx->path, ctx->depth, at_key);
  guint line, column;

  mc_loader_position (ctx->text, ctx->length, offset, &line, &column);
  if (*path != '\0')
    text = g_strdup_printf ("%s: %s", path, message);
  else
    text = g_strdup (message);
  return mc_loader_format_message (ctx->name, line, column, text);
}

static char *
context_message (Context    *ctx,
                 gboolean    at_key,
                 const char *message)
{
  return context_message_full (ctx, at_key, ctx->depth, message);
}

/* Sets an error at the current path. */
G_GNUC_PRINTF (4, 5)
static gboolean
fail (Context       *ctx,
      GError       **error,
      McLoaderError  code,
      const char    *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  full = context_message (ctx, FALSE, message);
  g_set_error_literal (error, MC_LOADER_ERROR, code, full);
  return FALSE;
}

/* Warns about an unknown key under the current path. */
static void
warn_unknown_key (Context    *ctx,
                  const char *key)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  g_autofree char *key_shown = NULL;

  if (ctx->n_warnings >= MAX_LOCATED_WARNINGS)
    {
      ctx->n_unlocated_warnings++;
      return;
    }
  ctx->n_warnings++;
  key_shown = mc_text_shown (key);
  message = g_strdup_printf (_("unknown key “%s” is ignored"), key_shown);
  push_key (ctx, key);
  full = context_message_full (ctx, TRUE, ctx->depth - 1, message);
  pop (ctx);
  mc_dataset_add_warning (ctx->dataset, full);
}

static void
warn (Context    *ctx,
      const char *message)
{
  g_autofree char *full = NULL;

  if (ctx->n_warnings >= MAX_LOCATED_WARNINGS)
    {
      ctx->n_unlocated_warnings++;
      return;
    }
  ctx->n_warnings++;
  full = context_message (ctx, TRUE, message);
  mc_dataset_add_warning (ctx->dataset, full);
}

static void
check_members (Context            *ctx,
               JsonObject         *object,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      warn_unknown_key (ctx, l->data);
}

/* "a number (3)", "a string (“x”)", "an array", ... */
static char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_NULL:
      return g_strdup (_("null"));
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        g_autofree char *quoted = mc_loader_describe_text (text, strlen (text));

        return g_strdup_printf (_("a string (%s)"), quoted);
      }
    case G_TYPE_BOOLEAN:
      return g_strdup_printf (_("a boolean (%s)"),
                              json_node_get_boolean (node) ? "true" : "false");
    default:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node));
        return g_strdup_printf (_("a number (%s)"), buffer);
      }
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
wrong_type (Context    *ctx,
            GError    **error,
            const char *key,
            JsonNode   *node,
            const char *expected)
{
  g_autofree char *found = describe_node (node);

  return fail (ctx, error, MC_LOADER_ERROR_TYPE, _("“%s” must be %s, found %s"),
               key, expected, found);
}

static gboolean
missing_key (Context    *ctx,
             GError    **error,
             const char *key)
{
  return fail (ctx, error, MC_LOADER_ERROR_MISSING, _("missing key “%s”"), key);
}

typedef enum
{
  OPTIONAL,
  REQUIRED,
} Need;

/* Gets an optional or required string member; null counts as absent for
 * optional members. */
static gboolean
get_string (Context     *ctx,
            JsonObject  *object,
            const char  *key,
            Need         need,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gboolean ok = TRUE;

  *value = NULL;
  if (node == NULL || (JSON_NODE_HOLDS_NULL (node) && need == OPTIONAL))
    return need == OPTIONAL || missing_key (ctx, error, key);

  push_key (ctx, key);
  if (!node_is_string (node))
    ok = wrong_type (ctx, error, key, node, _("a string"));
  else if (strlen (json_node_get_string (node)) > MC_LOADER_MAX_STRING_LENGTH)
    ok = fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
               _("the text is longer than the limit of %d KiB"),
               MC_LOADER_MAX_STRING_LENGTH / 1024);
  else
    *value = json_node_get_string (node);
  pop (ctx);
  return ok;
}

static gboolean
get_boolean (Context    *ctx,
             JsonObject *object,
             const char *key,
             gboolean   *value,
             GError    **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gboolean ok = TRUE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  push_key (ctx, key);
  if (node_is_boolean (node))
    *value = json_node_get_boolean (node);
  else
    ok = wrong_type (ctx, error, key, node, _("true or false"));
  pop (ctx);
  return ok;
}

static gboolean
get_container (Context      *ctx,
               JsonObject   *object,
               const char   *key,
               Need          need,
               JsonNodeType  type,
               JsonNode    **value,
               GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gboolean ok = TRUE;

  *value = NULL;
  if (node == NULL || (JSON_NODE_HOLDS_NULL (node) && need == OPTIONAL))
    return need == OPTIONAL || missing_key (ctx, error, key);

  push_key (ctx, key);
  if (JSON_NODE_TYPE (node) == type)
    *value = node;
  else
    ok = wrong_type (ctx, error, key, node,
                     type == JSON_NODE_OBJECT ? _("an object") : _("an array"));
  pop (ctx);
  return ok;
}

/* Header: format, id, title, description, source */

static gboolean
check_format (Context    *ctx,
              JsonObject *root,
              GError    **error)
{
  g_autofree char *format_shown = NULL;
  const char *format;

  if (!json_object_has_member (root, "format"))
    return fail (ctx, error, MC_LOADER_ERROR_MISSING,
                 _("missing key “format”; a dataset starts with "
                   "\"format\": \"%s\""), FORMAT_VERSION_1);
  if (!get_string (ctx, root, "format", REQUIRED, &format, error))
    return FALSE;
  if (g_str_equal (format, FORMAT_VERSION_1))
    return TRUE;

  format_shown = mc_text_shown (format);
  push_key (ctx, "format");
  if (g_str_has_prefix (format, "market-charts/"))
    fail (ctx, error, MC_LOADER_ERROR_VERSION,
          _("unsupported format version “%s”; this version of Market Charts "
            "reads “%s” (the file may come from a newer version)"),
          format_shown, FORMAT_VERSION_1);
  else
    fail (ctx, error, MC_LOADER_ERROR_VERSION,
          _("unknown format “%s”; this version of Market Charts reads “%s”"),
          format_shown, FORMAT_VERSION_1);
  pop (ctx);
  return FALSE;
}

static gboolean
check_id (Context     *ctx,
          JsonObject  *root,
          const char **id,
          GError     **error)
{
  g_autofree char *id_shown = NULL;

  if (!get_string (ctx, root, "id", REQUIRED, id, error))
    return FALSE;
  if (mc_id_is_valid (*id))
    return TRUE;

  id_shown = mc_text_shown (*id);
  push_key (ctx, "id");
  fail (ctx, error, MC_LOADER_ERROR_VALUE,
        _("the id “%s” may only contain letters, digits, “-” and “_”"), id_shown);
  pop (ctx);
  return FALSE;
}

static gboolean
read_source (Context    *ctx,
             JsonObject *root,
             GError    **error)
{
  static const char * const known[] = { "name", "url", "date", NULL };
  JsonNode *node;
  JsonObject *source;
  const char *name, *url, *date;
  gboolean ok;

  if (!get_container (ctx, root, "source", OPTIONAL, JSON_NODE_OBJECT, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  source = json_node_get_object (node);
  push_key (ctx, "source");
  check_members (ctx, source, known);
  ok = get_string (ctx, source, "name", OPTIONAL, &name, error) &&
       get_string (ctx, source, "url", OPTIONAL, &url, error) &&
       get_string (ctx, source, "date", OPTIONAL, &date, error);
  pop (ctx);
  if (ok)
    mc_dataset_set_source (ctx->dataset, name, url, date);
  return ok;
}

/* Columns */

static char *
list_names (const char * const *names,
            guint               n_names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", names[i]);
  return g_string_free (out, FALSE);
}

static gboolean
read_column_type (Context      *ctx,
                  JsonObject   *object,
                  McColumnType *type,
                  GError      **error)
{
  static const char * const names[] = { "string", "number", "date", "boolean" };
  const char *name;
  g_autofree char *valid = NULL;
  g_autofree char *name_shown = NULL;

  if (!get_string (ctx, object, "type", REQUIRED, &name, error))
    return FALSE;
  if (mc_column_type_from_string (name, type))
    return TRUE;

  valid = list_names (names, G_N_ELEMENTS (names));
  name_shown = mc_text_shown (name);
  push_key (ctx, "type");
  fail (ctx, error, MC_LOADER_ERROR_VALUE,
        _("unknown column type “%s”; expected one of: %s"), name_shown, valid);
  pop (ctx);
  return FALSE;
}

static gboolean
read_scale (Context    *ctx,
            JsonObject *object,
            McScale    *scale,
            GError    **error)
{
  static const char * const names[] = { "none", "thousand", "million", "billion", "trillion" };
  const char *name;
  g_autofree char *valid = NULL;
  g_autofree char *name_shown = NULL;

  *scale = MC_SCALE_NONE;
  if (!get_string (ctx, object, "scale", OPTIONAL, &name, error))
    return FALSE;
  if (name == NULL || mc_scale_from_string (name, scale))
    return TRUE;

  valid = list_names (names, G_N_ELEMENTS (names));
  name_shown = mc_text_shown (name);
  push_key (ctx, "scale");
  fail (ctx, error, MC_LOADER_ERROR_VALUE,
        _("unknown scale “%s”; expected one of: %s"), name_shown, valid);
  pop (ctx);
  return FALSE;
}

static gboolean
check_column_id (Context     *ctx,
                 const char  *id,
                 GError     **error)
{
  int previous;
  gboolean ok = TRUE;

  push_key (ctx, "id");
  previous = mc_dataset_get_column_index (ctx->dataset, id);
  if (*id == '\0')
    ok = fail (ctx, error, MC_LOADER_ERROR_VALUE, _("a column id cannot be empty"));
  else if (previous >= 0)
    {
      g_autofree char *id_shown = mc_text_shown (id);

      ok = fail (ctx, error, MC_LOADER_ERROR_DUPLICATE,
                 _("duplicate column id “%s”; columns[%d] already uses it"),
                 id_shown, previous);
    }
  pop (ctx);
  return ok;
}

static gboolean
read_column (Context    *ctx,
             JsonNode   *node,
             GError    **error)
{
  static const char * const known[] = {
    "id", "label", "type", "unit", "scale", "description", NULL
  };
  JsonObject *object;
  const char *id, *label, *unit, *description;
  McColumnType type;
  McScale scale;
  McColumn *column;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = describe_node (node);

      return fail (ctx, error, MC_LOADER_ERROR_TYPE,
                   _("a column must be an object such as {\"id\": \"price\", "
                     "\"type\": \"number\"}, found %s"), found);
    }
  object = json_node_get_object (node);
  if (!get_string (ctx, object, "id", REQUIRED, &id, error) ||
      !check_column_id (ctx, id, error) ||
      !get_string (ctx, object, "label", OPTIONAL, &label, error) ||
      !read_column_type (ctx, object, &type, error) ||
      !get_string (ctx, object, "unit", OPTIONAL, &unit, error) ||
      !read_scale (ctx, object, &scale, error) ||
      !get_string (ctx, object, "description", OPTIONAL, &description, error))
    return FALSE;
  check_members (ctx, object, known);

  column = mc_column_new (id, label, type);
  mc_column_set_unit (column, unit && *unit ? unit : NULL);
  mc_column_set_scale (column, scale);
  mc_column_set_description (column, description);
  mc_dataset_add_column (ctx->dataset, column);
  return TRUE;
}

static gboolean
read_columns (Context    *ctx,
              JsonObject *root,
              GError    **error)
{
  JsonNode *node;
  JsonArray *array;
  guint n;

  if (!get_container (ctx, root, "columns", REQUIRED, JSON_NODE_ARRAY, &node, error))
    return FALSE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  push_key (ctx, "columns");
  if (n == 0)
    return fail (ctx, error, MC_LOADER_ERROR_MISSING,
                 _("“columns” is empty; a dataset needs at least one column"));
  if (n > MC_LOADER_MAX_COLUMNS)
    return fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                 _("%u columns; the limit is %d"), n, MC_LOADER_MAX_COLUMNS);
  for (guint i = 0; i < n; i++)
    {
      push_index (ctx, i);
      if (!read_column (ctx, json_array_get_element (array, i), error))
        return FALSE;
      pop (ctx);
    }
  pop (ctx);
  return TRUE;
}

/* Rows and cells */

typedef struct
{
  JsonNode   *value;
  gboolean    estimate;
  const char *note;
  gboolean    in_object;   /* the value sits in a {"value": ...} object */
} Cell;

static gboolean
read_cell_object (Context    *ctx,
                  JsonNode   *node,
                  Cell       *cell,
                  GError    **error)
{
  static const char * const known[] = { "value", "estimate", "note", NULL };
  JsonObject *object = json_node_get_object (node);

  if (!json_object_has_member (object, "value"))
    return fail (ctx, error, MC_LOADER_ERROR_MISSING,
                 _("a cell object needs a “value” (null when the value is missing)"));
  if (!get_boolean (ctx, object, "estimate", &cell->estimate, error) ||
      !get_string (ctx, object, "note", OPTIONAL, &cell->note, error))
    return FALSE;
  check_members (ctx, object, known);
  cell->value = json_object_get_member (object, "value");
  cell->in_object = TRUE;
  return TRUE;
}

static gboolean
cell_type_error (Context    *ctx,
                 McColumn   *column,
                 JsonNode   *value,
                 GError    **error)
{
  g_autofree char *found = describe_node (value);
  g_autofree char *id = mc_text_shown (mc_column_get_id (column));

  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_NUMBER:
      return fail (ctx, error, MC_LOADER_ERROR_TYPE,
                   _("column “%s” expects a number, found %s"), id, found);
    case MC_COLUMN_STRING:
      return fail (ctx, error, MC_LOADER_ERROR_TYPE,
                   _("column “%s” expects a string, found %s"), id, found);
    case MC_COLUMN_DATE:
      return fail (ctx, error, MC_LOADER_ERROR_TYPE,
                   _("column “%s” expects a date written as a string such as "
                     "\"2024-02\", found %s"), id, found);
    case MC_COLUMN_BOOLEAN:
    default:
      return fail (ctx, error, MC_LOADER_ERROR_TYPE,
                   _("column “%s” expects true or false, found %s"), id, found);
    }
}

static gboolean
append_string_cell (Context    *ctx,
                    McColumn   *column,
                    JsonNode   *value,
                    GError    **error)
{
  const char *text = json_node_get_string (value);

  if (strlen (text) > MC_LOADER_MAX_STRING_LENGTH)
    return fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                 _("the text is longer than the limit of %d KiB for a cell"),
                 MC_LOADER_MAX_STRING_LENGTH / 1024);
  mc_column_append_string (column, text);
  return TRUE;
}

static gboolean
append_date_cell (Context         *ctx,
                  McColumn        *column,
                  JsonNode        *value,
                  McDatePrecision *finest,
                  GError         **error)
{
  const char *text = json_node_get_string (value);
  McDatePrecision precision;
  double days;

  if (!mc_date_text_parse (text, strlen (text), &days, &precision))
    {
      g_autofree char *quoted = mc_loader_describe_text (text, strlen (text));

      return fail (ctx, error, MC_LOADER_ERROR_VALUE,
                   _("%s is not a date; expected e.g. 2024, 2024-02 or 2024-02-15"),
                   quoted);
    }
  *finest = MAX (*finest, precision);
  mc_column_append_value (column, days);
  return TRUE;
}

/* Appends the value of one cell to its column. */
static gboolean
append_value (Context         *ctx,
              McColumn        *column,
              JsonNode        *value,
              McDatePrecision *finest,
              GError         **error)
{
  if (JSON_NODE_HOLDS_NULL (value))
    {
      mc_column_append_missing (column);
      return TRUE;
    }

  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_NUMBER:
      if (!node_is_number (value))
        break;
      mc_column_append_value (column, json_node_get_double (value));
      return TRUE;
    case MC_COLUMN_STRING:
      if (!node_is_string (value))
        break;
      return append_string_cell (ctx, column, value, error);
    case MC_COLUMN_DATE:
      if (!node_is_string (value))
        break;
      return append_date_cell (ctx, column, value, finest, error);
    case MC_COLUMN_BOOLEAN:
      if (!node_is_boolean (value))
        break;
      mc_column_append_value (column, json_node_get_boolean (value) ? 1 : 0);
      return TRUE;
    default:
      break;
    }
  return cell_type_error (ctx, column, value, error);
}

static gboolean
read_cell (Context         *ctx,
           McColumn        *column,
           guint            row,
           JsonNode        *node,
           McDatePrecision *finest,
           GError         **error)
{
  Cell cell = { node, FALSE, NULL, FALSE };
  gboolean ok;

  if (JSON_NODE_HOLDS_OBJECT (node) && !read_cell_object (ctx, node, &cell, error))
    return FALSE;

  if (cell.in_object)
    push_key (ctx, "value");
  ok = append_value (ctx, column, cell.value, finest, error);
  if (cell.in_object)
    pop (ctx);
  if (ok && (cell.estimate || cell.note != NULL))
    mc_column_set_annotation (column, row, cell.estimate, cell.note);
  return ok;
}

static gboolean
read_row (Context         *ctx,
          guint            row,
          JsonNode        *node,
          McDatePrecision *finest,
          GError         **error)
{
  guint n_columns = mc_dataset_get_n_columns (ctx->dataset);
  JsonArray *cells;
  guint n_cells;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *found = describe_node (node);

      return fail (ctx, error, MC_LOADER_ERROR_TYPE,
                   _("a row must be an array of cells, found %s"), found);
    }
  cells = json_node_get_array (node);
  n_cells = json_array_get_length (cells);
  if (n_cells != n_columns)
    return fail (ctx, error, MC_LOADER_ERROR_SHAPE,
                 _("row %u has %u cells, the columns declare %u"),
                 row + 1, n_cells, n_columns);

  for (guint i = 0; i < n_cells; i++)
    {
      push_index (ctx, i);
      if (!read_cell (ctx, mc_dataset_get_column (ctx->dataset, i), row,
                      json_array_get_element (cells, i), &finest[i], error))
        return FALSE;
      pop (ctx);
    }
  return TRUE;
}

static void
set_date_precisions (McDataset             *dataset,
                     const McDatePrecision *finest)
{
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      if (mc_column_get_column_type (column) == MC_COLUMN_DATE &&
          mc_column_get_n_rows (column) > 0)
        mc_column_set_date_precision (column, finest[i]);
    }
}

static gboolean
read_rows (Context    *ctx,
           JsonNode   *node,
           GError    **error)
{
  JsonArray *rows = json_node_get_array (node);
  guint n_rows = json_array_get_length (rows);
  g_autofree McDatePrecision *finest = NULL;

  push_key (ctx, "rows");
  if (n_rows > MC_LOADER_MAX_ROWS)
    return fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
                 _("%u rows; the limit is %d"), n_rows, MC_LOADER_MAX_ROWS);

  finest = g_new0 (McDatePrecision, mc_dataset_get_n_columns (ctx->dataset));
  for (guint i = 0; i < n_rows; i++)
    {
      if (i % 4096 == 4095 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
      push_index (ctx, i);
      if (!read_row (ctx, i, json_array_get_element (rows, i), finest, error))
        return FALSE;
      pop (ctx);
    }
  pop (ctx);
  set_date_precisions (ctx->dataset, finest);
  return TRUE;
}

/* Data in a CSV file */

static gboolean
csv_path_is_safe (Context    *ctx,
                  const char *path,
                  GError    **error)
{
  g_autofree char *path_shown = mc_text_shown (path);
  g_auto(GStrv) parts = NULL;

  if (*path == '\0')
    return fail (ctx, error, MC_LOADER_ERROR_VALUE, _("the CSV file name is empty"));
  if (g_path_is_absolute (path) || path[0] == '/' || path[0] == '\\' ||
      (g_ascii_isalpha (path[0]) && path[1] == ':') || strstr (path, "://") != NULL)
    return fail (ctx, error, MC_LOADER_ERROR_PATH,
                 _("“%s” is an absolute path; name a CSV file in the dataset’s "
                   "folder, e.g. \"prices.csv\""), path_shown);
  if (strchr (path, '\\') != NULL)
    return fail (ctx, error, MC_LOADER_ERROR_PATH,
                 _("“%s” contains “\\”; separate folders with “/”"), path_shown);

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return fail (ctx, error, MC_LOADER_ERROR_PATH,
                   _("“%s” leaves the dataset’s folder; the CSV file must be in the "
                     "same folder as the dataset or below it"), path_shown);
  return TRUE;
}

/* Follows symbolic links of local files: the real file must be inside the
 * real folder too. */
static gboolean
real_path_inside (GFile *file,
                  GFile *folder)
{
  g_autofree char *file_path = g_file_get_path (file);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *real_file = NULL;
  g_autofree char *real_folder = NULL;
  gsize n;

  if (file_path == NULL || folder_path == NULL)
    return TRUE;
  real_file = realpath (file_path, NULL);
  real_folder = realpath (folder_path, NULL);
  if (real_file == NULL || real_folder == NULL)
    return TRUE;   /* a missing file is reported when it is read */

  n = strlen (real_folder);
  return strncmp (real_file, real_folder, n) == 0 &&
         (real_file[n] == '/' || (n == 1 && real_folder[0] == '/'));
}

static GFile *
resolve_csv (Context    *ctx,
             const char *path,
             GError    **error)
{
  g_autofree char *path_shown = mc_text_shown (path);
  g_autoptr(GFile) file = NULL;

  if (!csv_path_is_safe (ctx, path, error))
    return NULL;
  if (ctx->base == NULL)
    {
      fail (ctx, error, MC_LOADER_ERROR_PATH,
            _("“%s” cannot be found: this dataset was not loaded from a folder"),
            path_shown);
      return NULL;
    }

  file = g_file_resolve_relative_path (ctx->base, path);
  if (!g_file_has_prefix (file, ctx->base) || !real_path_inside (file, ctx->base))
    {
      fail (ctx, error, MC_LOADER_ERROR_PATH,
            _("“%s” is outside the dataset’s folder"), path_shown);
      return NULL;
    }
  return g_steal_pointer (&file);
}

static gboolean
load_csv (Context    *ctx,
          GFile      *file,
          GError    **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) local_error = NULL;
  McLoaderBuffer buffer;
  gboolean ok;

  if (!mc_loader_buffer_load (&buffer, file, name, MC_LOADER_MAX_CSV_SIZE,
                              ctx->cancellable, &local_error))
    {
      if (local_error->domain == MC_LOADER_ERROR)
        return fail (ctx, error, local_error->code, "%s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  ok = mc_loader_read_csv_data (ctx->dataset, name, ctx->name, buffer.data,
                                buffer.length, ctx->cancellable, error);
  mc_loader_buffer_clear (&buffer);
  return ok;
}

static gboolean
read_data (Context    *ctx,
           JsonNode   *node,
           GError    **error)
{
  static const char * const known[] = { "csv", NULL };
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GFile) file = NULL;
  const char *path;
  gboolean ok;

  push_key (ctx, "data");
  check_members (ctx, object, known);
  if (!get_string (ctx, object, "csv", REQUIRED, &path, error))
    return FALSE;

  push_key (ctx, "csv");
  file = resolve_csv (ctx, path, error);
  ok = file != NULL && load_csv (ctx, file, error);
  pop (ctx);
  pop (ctx);
  return ok;
}

static gboolean
read_table (Context    *ctx,
            JsonObject *root,
            GError    **error)
{
  JsonNode *rows, *data;

  if (!get_container (ctx, root, "rows", OPTIONAL, JSON_NODE_ARRAY, &rows, error) ||
      !get_container (ctx, root, "data", OPTIONAL, JSON_NODE_OBJECT, &data, error))
    return FALSE;

  if (rows != NULL && data != NULL)
    {
      push_key (ctx, "data");
      fail (ctx, error, MC_LOADER_ERROR_VALUE,
            _("a dataset has either “rows” or “data”, not both"));
      pop (ctx);
      return FALSE;
    }
  if (rows == NULL && data == NULL)
    return fail (ctx, error, MC_LOADER_ERROR_MISSING,
                 _("missing key “rows” (or “data” naming a CSV file)"));
  if (rows != NULL)
    return read_rows (ctx, rows, error);
  return read_data (ctx, data, error);
}

/* Charts
 *
 * Reading a chart checks what only the file can tell: the JSON types of
 * its keys, unknown keys, and options its kind ignores. What the chart
 * means (its columns, the rules of its kind) is checked once the rows are
 * read, by mc_chart_spec_check(), with the data. */

/* A column id, or one or more of them: "y": "price", "y": ["a", "b"]. */
static GVariant *
read_columns_option (Context     *ctx,
                     const char  *key,
                     JsonNode    *node,
                     GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  JsonArray *array;

  if (node_is_string (node))
    g_strv_builder_add (builder, json_node_get_string (node));
  else if (!JSON_NODE_HOLDS_ARRAY (node) ||
           json_array_get_length (array = json_node_get_array (node)) == 0)
    {
      wrong_type (ctx, error, key, node,
                  _("a column id or a non-empty array of column ids"));
      return NULL;
    }
  else
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *element = json_array_get_element (array, i);

        if (!node_is_string (element))
          {
            push_index (ctx, i);
            wrong_type (ctx, error, key, element, _("an array of column ids"));
            pop (ctx);
            return NULL;
          }
        g_strv_builder_add (builder, json_node_get_string (element));
      }
  ids = g_strv_builder_end (builder);
  return g_variant_new_strv ((const char * const *) ids, -1);
}

/* The value of option @info at the current path, of the type it takes. */
static GVariant *
read_option (Context             *ctx,
             const McOptionInfo  *info,
             JsonNode            *node,
             GError             **error)
{
  switch (info->type)
    {
    case MC_OPTION_COLUMNS:
      return read_columns_option (ctx, info->key, node, error);
    case MC_OPTION_BOOLEAN:
      if (node_is_boolean (node))
        return g_variant_new_boolean (json_node_get_boolean (node));
      wrong_type (ctx, error, info->key, node, _("true or false"));
      return NULL;
    case MC_OPTION_NUMBER:
      if (node_is_number (node))
        return g_variant_new_double (json_node_get_double (node));
      wrong_type (ctx, error, info->key, node, _("a number"));
      return NULL;
    case MC_OPTION_COLUMN:
    case MC_OPTION_TEXT:
    case MC_OPTION_CHOICE:
    default:
      if (!node_is_string (node))
        wrong_type (ctx, error, info->key, node, _("a string"));
      else if (strlen (json_node_get_string (node)) > MC_LOADER_MAX_STRING_LENGTH)
        fail (ctx, error, MC_LOADER_ERROR_TOO_LARGE,
              _("the text is longer than the limit of %d KiB"),
              MC_LOADER_MAX_STRING_LENGTH / 1024);
      else
        return g_variant_new_string (json_node_get_string (node));
      return NULL;
    }
}

/* Options that another kind takes are kept (a file saved again keeps
 * them) but ignored, with a warning: a "donut" on a bar chart. */
static void
warn_foreign_option (Context           *ctx,
                     const McChartKind *kind,
                     const char        *key)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("“%s” does not apply to %s and is ignored"),
                             key, _(kind->name));
  push_key (ctx, key);
  warn (ctx, message);
  pop (ctx);
}

static gboolean
read_chart_options (Context            *ctx,
                    JsonObject         *object,
                    const McChartKind  *kind,
                    McChartSpec        *spec,
                    GError            **error)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();

  for (guint k = 0; kinds[k] != NULL; k++)
    for (const McOptionInfo *info = kinds[k]->options; info->key != NULL; info++)
      {
        JsonNode *node = json_object_get_member (object, info->key);
        GVariant *value;

        /* Each key once, as the first kind that takes it reads it. */
        if (node == NULL || JSON_NODE_HOLDS_NULL (node)
            || mc_chart_option_lookup (info->key) != info
            || mc_chart_spec_has_option (spec, info->key))
          continue;
        push_key (ctx, info->key);
        value = read_option (ctx, info, node, error);
        pop (ctx);
        if (value == NULL)
          return FALSE;
        mc_chart_spec_set_option (spec, info->key, value);
      }
  return TRUE;
}

static void
warn_foreign_options (Context           *ctx,
                      const McChartKind *kind,
                      McChartSpec       *spec)
{
  g_auto(GStrv) keys = mc_chart_spec_list_options (spec);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const McOptionInfo *info = mc_chart_option_lookup (keys[i]);

      /* A strict option is an error, which the check of the chart gives. */
      if (mc_chart_kind_get_option (kind, keys[i]) == NULL && !(info->flags & MC_OPTION_STRICT))
        warn_foreign_option (ctx, kind, keys[i]);
    }
}

static gboolean
read_chart_type (Context            *ctx,
                 JsonObject         *object,
                 const McChartKind **kind,
                 GError            **error)
{
  g_autofree char *valid = NULL;
  g_autofree char *name_shown = NULL;
  const char *name;

  if (!get_string (ctx, object, "type", REQUIRED, &name, error))
    return FALSE;
  *kind = mc_chart_kind_lookup (name);
  if (*kind != NULL)
    return TRUE;

  valid = mc_chart_kinds_list_ids ();
  name_shown = mc_text_shown (name);
  push_key (ctx, "type");
  fail (ctx, error, MC_LOADER_ERROR_VALUE,
        _("unknown chart type “%s”; expected one of: %s"), name_shown, valid);
  pop (ctx);
  return FALSE;
}

static gboolean
read_chart_id (Context     *ctx,
               JsonObject  *object,
               const char **id,
               GError     **error)
{
  gboolean ok = TRUE;

  if (!get_string (ctx, object, "id", REQUIRED, id, error))
    return FALSE;

  push_key (ctx, "id");
  if (!mc_id_is_valid (*id))
    {
      g_autofree char *id_shown = mc_text_shown (*id);

      ok = fail (ctx, error, MC_LOADER_ERROR_VALUE,
                 _("the chart id “%s” may only contain letters, digits, “-” and “_”"),
                 id_shown);
    }
  else if (mc_dataset_lookup_chart (ctx->dataset, *id) != NULL)
    {
      g_autofree char *id_shown = mc_text_shown (*id);

      ok = fail (ctx, error, MC_LOADER_ERROR_DUPLICATE,
                 _("duplicate chart id “%s”"), id_shown);
    }
  pop (ctx);
  return ok;
}

static gboolean
read_chart_texts (Context     *ctx,
                  JsonObject  *object,
                  McChartSpec *spec,
                  GError     **error)
{
  const char *title, *subtitle;

  if (!get_string (ctx, object, "title", OPTIONAL, &title, error) ||
      !get_string (ctx, object, "subtitle", OPTIONAL, &subtitle, error))
    return FALSE;

  mc_chart_spec_set_title (spec, title ? title : mc_dataset_get_title (ctx->dataset));
  mc_chart_spec_set_subtitle (spec, subtitle);
  return TRUE;
}

/* The keys a chart may have: its own and those of every kind. */
static char **
chart_keys (void)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add_many (builder, "id", "type", "title", "subtitle", NULL);
  for (guint k = 0; kinds[k] != NULL; k++)
    for (const McOptionInfo *info = kinds[k]->options; info->key != NULL; info++)
      g_strv_builder_add (builder, info->key);
  return g_strv_builder_end (builder);
}

static gboolean
read_chart (Context    *ctx,
            JsonNode   *node,
            GError    **error)
{
  g_autoptr(McChartSpec) spec = NULL;
  g_auto(GStrv) known = chart_keys ();
  const McChartKind *kind;
  JsonObject *object;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = describe_node (node);

      return fail (ctx, error, MC_LOADER_ERROR_TYPE,
                   _("a chart must be an object, found %s"), found);
    }
  object = json_node_get_object (node);
  if (!read_chart_id (ctx, object, &id, error) ||
      !read_chart_type (ctx, object, &kind, error))
    return FALSE;
  spec = mc_chart_spec_new (id, kind->id);
  if (!read_chart_texts (ctx, object, spec, error) ||
      !read_chart_options (ctx, object, kind, spec, error))
    return FALSE;
  check_members (ctx, object, (const char * const *) known);
  warn_foreign_options (ctx, kind, spec);

  mc_dataset_add_chart (ctx->dataset, g_steal_pointer (&spec));
  return TRUE;
}

static gboolean
read_charts (Context    *ctx,
             JsonObject *root,
             GError    **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!get_container (ctx, root, "charts", OPTIONAL, JSON_NODE_ARRAY, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  push_key (ctx, "charts");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      push_index (ctx, i);
      if (!read_chart (ctx, json_array_get_element (array, i), error))
        return FALSE;
      pop (ctx);
    }
  pop (ctx);
  return TRUE;
}

static McLoaderError
fault_error_code (McSpecFault fault)
{
  switch (fault)
    {
    case MC_SPEC_FAULT_MISSING:
      return MC_LOADER_ERROR_MISSING;
    case MC_SPEC_FAULT_REFERENCE:
      return MC_LOADER_ERROR_REFERENCE;
    case MC_SPEC_FAULT_VALUE:
    default:
      return MC_LOADER_ERROR_VALUE;
    }
}

/* Whether the key @key of chart @index is written as an array in the
 * file: a fault in one element is pointed at that element. */
static gboolean
chart_key_is_array (JsonObject *root,
                    guint       index,
                    const char *key)
{
  JsonArray *charts = json_object_get_array_member (root, "charts");
  JsonObject *chart = json_array_get_object_element (charts, index);
  JsonNode *node = json_object_get_member (chart, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node);
}

/* Each chart checked with the data, its error pointed at the key that
 * causes it. */
static gboolean
check_charts (Context     *ctx,
              JsonObject  *root,
              GError     **error)
{
  for (guint i = 0; i < mc_dataset_get_n_charts (ctx->dataset); i++)
    {
      g_autoptr(GError) chart_error = NULL;
      McSpecProblem problem;
      guint depth = ctx->depth;

      if (mc_chart_spec_check (mc_dataset_get_chart (ctx->dataset, i), ctx->dataset,
                               &problem, &chart_error))
        continue;
      push_key (ctx, "charts");
      push_index (ctx, i);
      if (problem.key != NULL)
        push_key (ctx, problem.key);
      if (problem.key != NULL && problem.index >= 0 && chart_key_is_array (root, i, problem.key))
        push_index (ctx, problem.index);
      fail (ctx, error, fault_error_code (problem.fault), "%s", chart_error->message);
      ctx->depth = depth;
      return FALSE;
    }
  return TRUE;
}

/* The whole document */

static gboolean
read_texts (Context    *ctx,
            JsonObject *root,
            GError    **error)
{
  const char *title, *description;

  if (!get_string (ctx, root, "title", REQUIRED, &title, error) ||
      !get_string (ctx, root, "description", OPTIONAL, &description, error))
    return FALSE;

  mc_dataset_set_title (ctx->dataset, title);
  mc_dataset_set_description (ctx->dataset, description);
  return TRUE;
}

static void
add_summary_warning (Context *ctx)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;

  if (ctx->n_unlocated_warnings == 0)
    return;
  message = g_strdup_printf (ngettext ("%u more warning like the ones above",
                                       "%u more warnings like the ones above",
                                       ctx->n_unlocated_warnings),
                             ctx->n_unlocated_warnings);
  full = mc_loader_format_message (ctx->name, 0, 0, message);
  mc_dataset_add_warning (ctx->dataset, full);
}

static void
warn_duplicate_keys (Context *ctx,
                     GArray  *duplicates)
{
  for (guint i = 0; duplicates != NULL && i < duplicates->len; i++)
    {
      gsize offset = g_array_index (duplicates, gsize, i);
      const char *key = ctx->text + offset;
      gsize length = strcspn (key + 1, "\"") + 2;
      g_autofree char *message = NULL;
      g_autofree char *full = NULL;
      guint line, column;

      if (ctx->n_warnings >= MAX_LOCATED_WARNINGS)
        {
          ctx->n_unlocated_warnings++;
          continue;
        }
      ctx->n_warnings++;
      mc_loader_position (ctx->text, ctx->length, offset, &line, &column);
      message = g_strdup_printf (_("the key %.*s appears twice in the same object; "
                                   "only the last one counts"), (int) MIN (length, 60), key);
      full = mc_loader_format_message (ctx->name, line, column, message);
      mc_dataset_add_warning (ctx->dataset, full);
    }
}

static McDataset *
read_document (Context    *ctx,
               JsonNode   *root_node,
               GError    **error)
{
  static const char * const known[] = {
    "format", "id", "title", "description", "source", "columns", "rows", "data",
    "charts", NULL
  };
  g_autoptr(McDataset) dataset = NULL;
  JsonObject *root;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree char *found = describe_node (root_node);

      fail (ctx, error, MC_LOADER_ERROR_TYPE,
            _("a dataset must be a JSON object ({ … }), found %s"), found);
      return NULL;
    }
  root = json_node_get_object (root_node);
  if (!check_format (ctx, root, error) || !check_id (ctx, root, &id, error))
    return NULL;

  ctx->dataset = dataset = mc_dataset_new (id);
  warn_duplicate_keys (ctx, ctx->duplicates);
  check_members (ctx, root, known);
  if (!read_texts (ctx, root, error) ||
      !read_source (ctx, root, error) ||
      !read_columns (ctx, root, error) ||
      !read_charts (ctx, root, error) ||
      !read_table (ctx, root, error) ||
      !check_charts (ctx, root, error))
    return NULL;

  if (mc_dataset_get_n_charts (dataset) == 0)
    mc_default_chart_add (dataset, ctx->name);
  add_summary_warning (ctx);
  return g_steal_pointer (&dataset);
}

/**
 * mc_loader_load_json:
 *
 * Loads a dataset in the JSON format. @base is the folder for CSV
 * references (nullable).
 */
McDataset *
mc_loader_load_json (const char    *name,
                     const char    *text,
                     gsize          length,
                     GFile         *base,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) duplicates = NULL;
  Context ctx = { name, };

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, length -= 3;
  if (!mc_loader_check_text (name, text, length, error) ||
      !check_syntax (name, text, length, &duplicates, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      /* The strict scan accepts only what json-glib reads, so this is a
       * last resort; json-glib's message carries its own position. */
      mc_loader_set_error (error, MC_LOADER_ERROR_SYNTAX, name, 0, 0,
                           "%s", local_error->message);
      return NULL;
    }

  ctx.text = text;
  ctx.length = length;
  ctx.base = base;
  ctx.cancellable = cancellable;
  ctx.duplicates = duplicates;
  return read_document (&ctx, json_parser_get_root (parser), error);
}
