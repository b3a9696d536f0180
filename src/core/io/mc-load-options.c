/* mc-load-options.c: how to read a file that could be read several ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-load-options.h"

#include <string.h>

McLoadOptions *
mc_load_options_new (void)
{
  return g_new0 (McLoadOptions, 1);
}

McLoadOptions *
mc_load_options_copy (const McLoadOptions *options)
{
  McLoadOptions *copy = mc_load_options_new ();

  if (options == NULL)
    return copy;
  copy->sheet = g_strdup (options->sheet);
  copy->records = g_strdup (options->records);
  copy->delimiter = options->delimiter;
  copy->format = g_strdup (options->format);
  return copy;
}

void
mc_load_options_free (McLoadOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->sheet);
  g_free (options->records);
  g_free (options->format);
  g_free (options);
}

gboolean
mc_load_options_is_default (const McLoadOptions *options)
{
  return options == NULL || (options->sheet == NULL && options->records == NULL
                             && options->delimiter == 0 && options->format == NULL);
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
mc_load_options_set_sheet (McLoadOptions *options,
                           const char    *sheet)
{
  set_text (&options->sheet, sheet);
}

void
mc_load_options_set_records (McLoadOptions *options,
                             const char    *records)
{
  set_text (&options->records, records);
}

void
mc_load_options_set_format (McLoadOptions *options,
                            const char    *format)
{
  set_text (&options->format, format);
}

gboolean
mc_load_options_parse_delimiter (const char *text,
                                 char       *delimiter)
{
  static const struct { const char *name; char delimiter; } names[] = {
    { ",", ',' }, { "comma", ',' }, { ";", ';' }, { "semicolon", ';' },
    { "\t", '\t' }, { "tab", '\t' }, { "\\t", '\t' }, { "|", '|' }, { "pipe", '|' },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *delimiter = names[i].delimiter;
        return TRUE;
      }
  return FALSE;
}

static void
append_pair (GString    *out,
             const char *key,
             const char *value)
{
  if (value == NULL)
    return;
  if (out->len > 0)
    g_string_append_c (out, '&');
  g_string_append_printf (out, "%s=", key);
  g_string_append_uri_escaped (out, value, NULL, FALSE);
}

char *
mc_load_options_to_string (const McLoadOptions *options)
{
  GString *out = g_string_new (NULL);
  char delimiter[2] = { options->delimiter, '\0' };

  append_pair (out, "sheet", options->sheet);
  append_pair (out, "records", options->records);
  append_pair (out, "delimiter", options->delimiter ? delimiter : NULL);
  append_pair (out, "format", options->format);
  return g_string_free (out, FALSE);
}

McLoadOptions *
mc_load_options_from_string (const char *text)
{
  McLoadOptions *options = mc_load_options_new ();
  g_auto(GStrv) pairs = g_strsplit (text ? text : "", "&", 0);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');
      g_autofree char *value = NULL;

      if (equals == NULL)
        continue;
      *equals = '\0';
      value = g_uri_unescape_string (equals + 1, NULL);
      if (value == NULL)
        continue;
      if (g_str_equal (pairs[i], "sheet"))
        mc_load_options_set_sheet (options, value);
      else if (g_str_equal (pairs[i], "records"))
        mc_load_options_set_records (options, value);
      else if (g_str_equal (pairs[i], "delimiter"))
        mc_load_options_parse_delimiter (value, &options->delimiter);
      else if (g_str_equal (pairs[i], "format"))
        mc_load_options_set_format (options, value);
    }
  return options;
}
