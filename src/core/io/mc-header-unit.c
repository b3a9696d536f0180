/* mc-header-unit.c: the unit a column's header gives its numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-header-unit.h"

#include "mc-amount.h"

#include <string.h>

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

/* Units of measurement read with certainty; "m" (metres or millions),
 * "K" (kelvin or thousands) and other single capitals are not among
 * them. */
static const char * const measure_units[] = {
  "°C", "°F", "mm", "cm", "km", "km/h", "m/s", "mph", "kn", "hPa", "mbar", "kPa",
  "kWh", "MWh", "GWh", "TWh", "kW", "MW", "GW", "kg", "g", "lb", "t", "kt", "Mt",
  "years", "months", "days", "hours", "minutes", NULL
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
  else if (n == 1 && g_strv_contains (measure_units, words[0]))
    *unit = g_strdup (words[0]);
  else if (n == 1)
    return lookup_scale_word (words[0], FALSE, scale);
  else if (n == 2 && is_currency_code (words[0]) && lookup_scale_word (words[1], TRUE, scale))
    *unit = g_strdup (words[0]);
  return *unit != NULL;
}

/* "Revenue (USD m)", or "Share (%) 2023" where a header row of
 * merged cells put the unit of several columns before their years. */
static gboolean
parse_bracketed (const char  *header,
                 char       **label,
                 char       **unit,
                 McScale     *scale)
{
  g_autofree char *text = g_strstrip (g_strdup (header));
  char *open = strrchr (text, '(');
  char *close = open != NULL ? strchr (open, ')') : NULL;
  g_autofree char *inside = NULL;
  g_autofree char *before = NULL;
  const char *after;

  if (open == NULL || close == NULL || open == text)
    return FALSE;
  inside = g_strstrip (g_strndup (open + 1, close - open - 1));
  before = g_strstrip (g_strndup (text, open - text));
  after = close + 1;
  while (g_ascii_isspace (*after))
    after++;
  if (*before == '\0' || !parse_unit_words (inside, unit, scale))
    return FALSE;
  *label = *after != '\0' ? g_strdup_printf ("%s %s", before, after)
                          : g_steal_pointer (&before);
  return TRUE;
}

/* The words of a snake-case id that end in a unit ("price_hkd",
 * "revenue_usd_bn", "margin_pct"); how many of them it takes, or 0. */
static guint
parse_id_unit_words (char    **words,
                     guint     n,
                     char    **unit,
                     McScale  *scale)
{
  const char *code;

  if (n >= 2 && (g_ascii_strcasecmp (words[n - 1], "pct") == 0
                 || g_ascii_strcasecmp (words[n - 1], "percent") == 0))
    {
      *unit = g_strdup ("percent");
      return 1;
    }
  if (n >= 3 && (code = mc_amount_currency_code (words[n - 2])) != NULL
      && lookup_scale_word (words[n - 1], TRUE, scale))
    {
      *unit = g_strdup (code);
      return 2;
    }
  if (n >= 2 && (code = mc_amount_currency_code (words[n - 1])) != NULL)
    {
      *unit = g_strdup (code);
      return 1;
    }
  return 0;
}

/* Ids written by programs ("revenue_usd_bn") have their unit as the
 * last words; only currencies and percent count, never a scale alone
 * ("count_m" may be metres). */
static gboolean
parse_id (const char  *header,
          char       **label,
          char       **unit,
          McScale     *scale)
{
  g_auto(GStrv) words = NULL;
  guint n;
  guint taken;

  if (strchr (header, ' ') != NULL || strchr (header, '_') == NULL)
    return FALSE;
  words = g_strsplit (header, "_", 0);
  n = g_strv_length (words);
  taken = parse_id_unit_words (words, n, unit, scale);
  if (taken == 0)
    return FALSE;
  /* Cut the unit's words off; g_strfreev() frees the rest. */
  for (guint i = n - taken; i < n; i++)
    g_clear_pointer (&words[i], g_free);
  *label = g_strjoinv ("_", words);
  return **label != '\0';
}

/**
 * mc_header_unit_parse:
 * @header: the header of a column
 * @label: (out) (transfer full): the header without its unit
 * @unit: (out) (transfer full): "percent", a currency code, a unit of
 *   measurement ("°C", "km/h"), or %NULL
 * @scale: (out): the scale its numbers are written in
 *
 * Spreadsheets put the unit of a column in its header: "Revenue (USD
 * m)" is the label "Revenue" with unit USD in millions, "Share (%)" a
 * percentage, "Rain (mm)" a length in millimetres, "Share (%) 2023" the
 * label "Share 2023" in percent. Programs put it at the end of an id:
 * "revenue_usd_bn" is "revenue" in USD billions. Only units read with
 * certainty are taken; "Revenue (adjusted)" and "Length (m)" stay as
 * they are.
 *
 * Returns: whether @header gives a unit; the outputs mean something
 *   only then
 */
gboolean
mc_header_unit_parse (const char  *header,
                      char       **label,
                      char       **unit,
                      McScale     *scale)
{
  *label = NULL;
  *unit = NULL;
  *scale = MC_SCALE_NONE;
  if (parse_bracketed (header, label, unit, scale))
    return TRUE;
  g_clear_pointer (unit, g_free);
  *scale = MC_SCALE_NONE;
  return parse_id (header, label, unit, scale);
}
