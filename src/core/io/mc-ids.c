/* mc-ids.c: the ids of datasets, columns and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ids name things in dataset files and on the command line, so they keep
 * to letters, digits, "-" and "_".
 */
#include "config.h"

#include "mc-ids.h"

#include <string.h>

#include "mc-amount.h"

/* Whether @id may name a dataset or a chart. */
gboolean
mc_id_is_valid (const char *id)
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
mc_id_make (const char *text,
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

/* Words that programs write in lower case and people in capitals, with
 * currency codes ("rmb"). */
static const char * const initialisms[] = {
  "ai", "capex", "cpi", "eps", "eu", "gdp", "id", "ipo", "pe", "ppp", "uk", "un", "us",
  "usa", NULL
};

/* Whether @header is an id that a program wrote: lower-case letters and
 * digits, with at least one letter, words joined by "_" or ".". */
static gboolean
is_program_id (const char *header)
{
  gboolean letter = FALSE;

  if (!g_ascii_islower (*header))
    return FALSE;
  for (const char *p = header; *p; p++)
    {
      if (g_ascii_islower (*p))
        letter = TRUE;
      else if (!g_ascii_isdigit (*p) && *p != '_' && *p != '.')
        return FALSE;
    }
  return letter;
}

static void
append_word (GString    *label,
             const char *word)
{
  if (*word == '\0')
    return;
  if (label->len > 0)
    g_string_append_c (label, ' ');
  if (g_strv_contains (initialisms, word) || mc_amount_currency_code (word) != NULL)
    {
      g_autofree char *upper = g_ascii_strup (word, -1);

      g_string_append (label, upper);
    }
  else if (label->len == 0)
    {
      g_string_append_c (label, g_ascii_toupper (*word));
      g_string_append (label, word + 1);
    }
  else
    g_string_append (label, word);
}

/**
 * mc_id_to_label:
 * @header: the header of a column
 *
 * Programs head their columns with ids: "net_generation", "quote.close",
 * "revenue". People read "Net generation", "Quote close", "Revenue": the
 * words apart, the first capitalised, initialisms and currency codes in
 * capitals ("gdp" is "GDP", "rmb_total" "RMB total"). A header with a
 * space, a capital or any other mark was written by a person and stays
 * as it is; the column's id is made from the header, never from this
 * label.
 *
 * Returns: (transfer full) (nullable): the label, or %NULL when @header
 *   is not a program's id
 */
char *
mc_id_to_label (const char *header)
{
  g_autoptr(GString) label = NULL;
  g_auto(GStrv) words = NULL;

  if (header == NULL || !is_program_id (header))
    return NULL;

  label = g_string_new (NULL);
  words = g_strsplit_set (header, "_.", -1);
  for (guint i = 0; words[i] != NULL; i++)
    append_word (label, words[i]);
  return g_string_free (g_steal_pointer (&label), FALSE);
}
