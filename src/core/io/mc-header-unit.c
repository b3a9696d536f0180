/* mc-header-unit.c: the unit a column's header gives its numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-header-unit.h"

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

/* Units of measurement read with certainty; "m" (metres or millions)
 * and other single letters are not among them. */
static const char * const measure_units[] = {
  "°C", "°F", "K", "mm", "cm", "km", "km/h", "m/s", "mph", "kn", "hPa", "mbar", "kPa",
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
 * percentage, "Rain (mm)" a length in millimetres. Only units read with
 * certainty are taken; "Revenue (adjusted)" and "Length (m)" stay as
 * they are.
 *
 * Returns: whether @header ends with a unit; the outputs mean
 *   something only then
 */
gboolean
mc_header_unit_parse (const char  *header,
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
