/* mc-format.c: numbers, units, percentages and dates as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-format.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#define MC_MAX_DECIMALS 6
#define MC_DECIMALS_SAMPLE 10000

/* Days between 0001-01-01 (GDate's Julian day 1) and 1970-01-01. */
#define MC_UNIX_EPOCH_JULIAN 719163

/* Writes the digits of @integer (ASCII digits only) into @out with the
 * locale's grouping: @grouping as in struct lconv. */
static void
append_grouped (GString    *out,
                const char *integer,
                const char *grouping,
                const char *separator)
{
  gsize len = strlen (integer);
  g_autofree gboolean *split_before = g_new0 (gboolean, len + 1);
  gsize pos = len;
  int group = 3;

  if (separator == NULL || *separator == '\0' || grouping == NULL || *grouping == '\0')
    {
      g_string_append (out, integer);
      return;
    }

  /* Walk from the right, one group at a time; the last group size
   * repeats, CHAR_MAX ends the grouping. */
  for (const char *g = grouping; pos > 0; )
    {
      if (*g == CHAR_MAX || *g < 0)
        break;
      if (*g != '\0')
        group = *g++;
      if (group <= 0 || (gsize) group >= pos)
        break;
      pos -= group;
      split_before[pos] = TRUE;
    }

  for (gsize i = 0; i < len; i++)
    {
      if (split_before[i] && i > 0)
        g_string_append (out, separator);
      g_string_append_c (out, integer[i]);
    }
}

char *
mc_format_number (double value,
                  int    decimals)
{
  const struct lconv *lc = localeconv ();
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 400];
  char format[16];
  g_autoptr(GString) out = g_string_new (NULL);
  char *dot;
  gboolean negative;

  if (isnan (value))
    return g_strdup ("—");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");

  decimals = CLAMP (decimals, 0, MC_MAX_DECIMALS);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));

  /* No "−0" when a small negative number rounds to zero. */
  negative = value < 0 && strspn (buffer, "0.") != strlen (buffer);
  if (negative)
    g_string_append (out, "−");   /* U+2212 MINUS SIGN */

  dot = strchr (buffer, '.');
  if (dot)
    *dot = '\0';
  append_grouped (out, buffer, lc->grouping, lc->thousands_sep);
  if (dot)
    {
      g_string_append (out, *lc->decimal_point ? lc->decimal_point : ".");
      g_string_append (out, dot + 1);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
mc_format_value_decimals (double value,
                          int    max_decimals)
{
  double scaled = fabs (value);

  if (!isfinite (value))
    return 0;
  max_decimals = CLAMP (max_decimals, 0, MC_MAX_DECIMALS);
  for (int d = 0; d < max_decimals; d++)
    {
      if (fabs (scaled - round (scaled)) <= 1e-9 * MAX (1.0, scaled))
        return d;
      scaled *= 10;
    }
  return max_decimals;
}

int
mc_format_column_decimals (const McColumn *column)
{
  guint n;
  guint stride;
  int decimals = 0;

  g_return_val_if_fail (column != NULL, 0);

  if (mc_column_get_column_type (column) != MC_COLUMN_NUMBER)
    return 0;

  /* A sample, read value by value: the values of a progression are not
   * made for it (mc_column_get_progression()). */
  n = mc_column_get_n_rows (column);
  stride = MAX (1, n / MC_DECIMALS_SAMPLE);
  for (guint i = 0; i < n && decimals < MC_MAX_DECIMALS; i += stride)
    decimals = MAX (decimals, mc_format_value_decimals (mc_column_get_value (column, i),
                                                        MC_MAX_DECIMALS));
  return decimals;
}

int
mc_format_row_decimals (const McColumn *column,
                        guint           row,
                        int             fallback)
{
  int written = mc_column_get_decimals (column, row);

  return written != MC_DECIMALS_UNKNOWN ? written : fallback;
}

const char *
mc_format_scale_suffix (McScale scale)
{
  switch (scale)
    {
    /* Translators: short suffix for thousands, as in "USD 5 k" */
    case MC_SCALE_THOUSAND: return C_("scale suffix", "k");
    /* Translators: short suffix for millions, as in "USD 5 m" */
    case MC_SCALE_MILLION: return C_("scale suffix", "m");
    /* Translators: short suffix for billions, as in "USD 50 bn" */
    case MC_SCALE_BILLION: return C_("scale suffix", "bn");
    /* Translators: short suffix for trillions, as in "USD 2 tn" */
    case MC_SCALE_TRILLION: return C_("scale suffix", "tn");
    case MC_SCALE_NONE:
    default:
      return "";
    }
}

static gboolean
unit_is_percent (const char *unit)
{
  return g_strcmp0 (unit, "percent") == 0 || g_strcmp0 (unit, "%") == 0;
}

/* ISO 4217 codes are three capital letters, written before the amount. */
static gboolean
unit_is_currency (const char *unit)
{
  return unit != NULL && strlen (unit) == 3
         && g_ascii_isupper (unit[0]) && g_ascii_isupper (unit[1])
         && g_ascii_isupper (unit[2]);
}

/* The name of a currency as the language writes it next to an amount:
 * the code itself in English, 美元 in Chinese. Codes without a
 * translation stay as they are. */
static const char *
currency_name (const char *code)
{
  static const char * const codes[] = {
    /* Translators: a currency code as written next to an amount ("USD
     * 50 bn"): keep the code, or write the currency's name where your
     * language names it (美元) */
    NC_("currency", "USD"),
    NC_("currency", "EUR"),
    NC_("currency", "CNY"),
    NC_("currency", "HKD"),
    NC_("currency", "JPY"),
    NC_("currency", "GBP"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (strcmp (code, codes[i]) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "currency", codes[i]);
  return code;
}

/* Chinese and Japanese count large amounts in powers of ten thousand
 * (万 10⁴, 亿 10⁸, 万亿 10¹²), so USD 50 bn reads 500 亿美元: the amount
 * is rescaled, not just given another suffix. */
static gboolean
counts_in_myriads (void)
{
  /* Translators: keep "thousands" if your language writes large amounts
   * in thousands, millions and billions ("USD 50 bn"). Write "myriads"
   * if it counts in ten thousands (万, 亿) as Chinese and Japanese do:
   * amounts are then rescaled to the "myriad suffix" units, so that
   * USD 50 bn reads 500 亿美元. */
  return strcmp (C_("number scale system", "thousands"), "myriads") == 0;
}

static const char *
myriad_suffix (int power)
{
  switch (power)
    {
    /* Translators: only used if "number scale system" is "myriads": the
     * suffix for ten thousand (万); otherwise copy it unchanged */
    case 4: return C_("myriad suffix", "×10⁴");
    /* Translators: only used if "number scale system" is "myriads": the
     * suffix for a hundred million (亿); otherwise copy it unchanged */
    case 8: return C_("myriad suffix", "×10⁸");
    /* Translators: only used if "number scale system" is "myriads": the
     * suffix for a trillion (万亿); otherwise copy it unchanged */
    case 12: return C_("myriad suffix", "×10¹²");
    default: return "";
    }
}

/* How people read the numbers of a column: its values times @factor
 * (a power of ten, @shift) followed by @suffix. In English this is the
 * column's own scale ("bn"), or the larger one a chart chose to show it
 * in (dollars as "bn", ×10⁻⁹); languages that count in myriads take the
 * largest myriad unit not above it (bn → 亿, ×10). */
typedef struct
{
  double      factor;
  int         shift;
  const char *suffix;
  int         myriad;   /* the power of ten of a myriad suffix: 4 (万),
                         * 8 (亿), 12 (万亿); 0 for none */
} McDisplayScale;

static McDisplayScale
display_scale (const McColumn *column)
{
  McScale scale = mc_column_get_scale (column);
  McScale shown = mc_column_get_display_scale (column);
  int rescale = 0;
  McDisplayScale display;
  int power;

  if (shown > scale)
    {
      rescale = (int) lround (log10 (mc_scale_get_factor (scale) / mc_scale_get_factor (shown)));
      scale = shown;
    }
  display = (McDisplayScale) { pow (10, rescale), rescale, mc_format_scale_suffix (scale), 0 };
  if (unit_is_percent (mc_column_get_unit (column)))
    {
      display.suffix = "";
      return display;
    }
  if (scale == MC_SCALE_NONE || !counts_in_myriads ())
    return display;

  power = (int) lround (log10 (mc_scale_get_factor (scale)));
  display.shift = rescale + power % 4;
  display.factor = pow (10, display.shift);
  display.myriad = power - power % 4;
  display.suffix = myriad_suffix (display.myriad);
  return display;
}

/* A value of ten thousand myriad units or more moves up to the next one
 * where it stands on its own, with its unit: 1000 million people are
 * "10 亿", not "100,000 万". (Ticks and numbers under an axis keep the
 * unit the axis names.) */
static void
promote_myriad (McDisplayScale *display,
                double          value)
{
  while (display->myriad > 0 && display->myriad < 12 && fabs (value * display->factor) >= 1e4)
    {
      display->factor /= 1e4;
      display->shift -= 4;
      display->myriad += 4;
      display->suffix = myriad_suffix (display->myriad);
    }
}

/* @value in @display's scale, with @decimals of the column's unit. Shown
 * in a larger scale, a value takes the decimals it needs there, no more:
 * 7,500,000,000 is "7.5" bn, not "7.500000000". */
static char *
format_scaled (const McDisplayScale *display,
               double                value,
               int                   decimals)
{
  double shown = value * display->factor;

  if (display->shift < 0)
    return mc_format_number (shown, mc_format_value_decimals (shown, decimals - display->shift));
  return mc_format_number (shown, MAX (0, decimals - display->shift));
}

static char *
format_percent (const char *number)
{
  /* Translators: a percentage; write "%s %%" if your language puts a
   * space before the percent sign */
  return g_strdup_printf (_("%s%%"), number);
}

static char *
format_currency_amount (const char *unit,
                        const char *number,
                        const char *suffix)
{
  const char *name = currency_name (unit);

  if (*suffix == '\0')
    /* Translators: a currency and an amount, as in "HKD 148": %1$s is
     * the currency (see the "currency" strings), %2$s the number; write
     * "%2$s %1$s" to put the currency after the number */
    return g_strdup_printf (C_("currency amount", "%s %s"), name, number);
  /* Translators: a currency, an amount and its scale suffix, as in "USD
   * 50 bn": %1$s is the currency, %2$s the number, %3$s the suffix */
  return g_strdup_printf (C_("currency amount", "%1$s %2$s %3$s"), name, number, suffix);
}

char *
mc_format_value (const McColumn *column,
                 double          value,
                 int             decimals)
{
  g_autofree char *number = NULL;
  g_autofree char *amount = NULL;
  McDisplayScale display;
  const char *unit;

  g_return_val_if_fail (column != NULL, NULL);

  if (isnan (value))
    return g_strdup ("—");

  unit = mc_column_get_unit (column);
  if (decimals < 0)
    decimals = mc_format_column_decimals (column);
  display = display_scale (column);
  promote_myriad (&display, value);
  number = format_scaled (&display, value, decimals);
  if (unit_is_percent (unit))
    return format_percent (number);

  if (unit_is_currency (unit))
    return format_currency_amount (unit, number, display.suffix);

  if (*display.suffix)
    /* Translators: a number and its scale suffix, as in "50 bn" */
    amount = g_strdup_printf (C_("scaled amount", "%s %s"), number, display.suffix);
  else
    amount = g_steal_pointer (&number);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&amount);
  /* Translators: an amount and its unit, as in "5 years" */
  return g_strdup_printf (C_("amount with unit", "%s %s"), amount, unit);
}

char *
mc_format_amount (const McColumn *column,
                  double          value,
                  int             decimals)
{
  McDisplayScale display;

  g_return_val_if_fail (column != NULL, NULL);

  if (decimals < 0)
    decimals = mc_format_column_decimals (column);
  display = display_scale (column);
  return format_scaled (&display, value, decimals);
}

static char *
format_unit (const McColumn *column,
             const char     *suffix)
{
  const char *unit = mc_column_get_unit (column);

  if (unit_is_percent (unit))
    return g_strdup ("%");
  if (unit == NULL || *unit == '\0')
    return *suffix ? g_strdup (suffix) : NULL;
  if (unit_is_currency (unit))
    unit = currency_name (unit);
  if (*suffix == '\0')
    return g_strdup (unit);
  if (unit_is_currency (mc_column_get_unit (column)))
    /* Translators: a currency and a scale, as in "USD bn" */
    return g_strdup_printf (C_("currency unit", "%s %s"), unit, suffix);
  /* Translators: a scale and a unit, as in "bn tonnes" */
  return g_strdup_printf (C_("scaled unit", "%s %s"), suffix, unit);
}

char *
mc_format_unit (const McColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  return format_unit (column, display_scale (column).suffix);
}

char *
mc_format_data_unit (const McColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  return format_unit (column, mc_format_scale_suffix (mc_column_get_scale (column)));
}

char *
mc_format_tick (const McColumn *column,
                double          value,
                double          step)
{
  g_autofree char *number = NULL;
  McDisplayScale display;
  int decimals = 0;

  g_return_val_if_fail (column != NULL, NULL);

  display = display_scale (column);
  value *= display.factor;
  step *= display.factor;
  if (step > 0 && isfinite (step))
    decimals = CLAMP ((int) ceil (-log10 (step) - 1e-9), 0, MC_MAX_DECIMALS);
  /* Ticks are multiples of the step: rounding error must not show. */
  if (fabs (value) < step * 1e-6)
    value = 0;
  number = mc_format_number (value, decimals);
  if (unit_is_percent (mc_column_get_unit (column)))
    return format_percent (number);
  return g_steal_pointer (&number);
}

static GDateTime *
date_time_from_days (double days)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);

  if (!isfinite (days) || fabs (days) > 2.9e6)
    return NULL;
  return g_date_time_add_seconds (epoch, floor (days * 86400.0 + 0.5));
}

char *
mc_format_date_with (double      days,
                     const char *format)
{
  g_autoptr(GDateTime) dt = date_time_from_days (days);
  char *text;

  g_return_val_if_fail (format != NULL, NULL);

  if (dt == NULL)
    return g_strdup ("—");
  text = g_date_time_format (dt, format);
  return text ? text : g_strdup ("—");
}

/**
 * mc_format_quarter:
 * @days: the first day of a quarter, or any day in it
 * @with_year: whether to write the year too
 *
 * Returns: (transfer full): "Q1 2024", or "Q1" (g_date_time_format() has
 *   no quarters)
 */
char *
mc_format_quarter (double   days,
                   gboolean with_year)
{
  g_autoptr(GDateTime) dt = date_time_from_days (days);
  int quarter;

  if (dt == NULL)
    return g_strdup ("—");
  quarter = (g_date_time_get_month (dt) - 1) / 3 + 1;
  if (!with_year)
    /* Translators: a quarter on an axis, after the first, "Q2" */
    return g_strdup_printf (C_("date format", "Q%d"), quarter);
  /* Translators: a quarter and its year, "Q1 2024" */
  return g_strdup_printf (C_("date format", "Q%d %d"), quarter, g_date_time_get_year (dt));
}

char *
mc_format_date (double          days,
                McDatePrecision precision)
{
  switch (precision)
    {
    case MC_DATE_YEAR:
      return mc_format_date_with (days, "%Y");
    case MC_DATE_QUARTER:
      return mc_format_quarter (days, TRUE);
    case MC_DATE_MONTH:
      /* Translators: a month and year, see g_date_time_format() */
      return mc_format_date_with (days, C_("date format", "%b %Y"));
    case MC_DATE_DAY:
    default:
      /* Translators: a day, month and year, see g_date_time_format() */
      return mc_format_date_with (days, C_("date format", "%-d %b %Y"));
    }
}

char *
mc_format_cell (const McColumn *column,
                guint           row)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (row < mc_column_get_n_rows (column), NULL);

  if (mc_column_is_missing (column, row))
    text = g_strdup ("—");
  else
    switch (mc_column_get_column_type (column))
      {
      case MC_COLUMN_STRING:
        text = g_strdup (mc_column_get_string (column, row));
        break;
      case MC_COLUMN_DATE:
        text = mc_format_date (mc_column_get_value (column, row),
                               mc_column_get_date_precision (column));
        break;
      case MC_COLUMN_BOOLEAN:
        text = g_strdup (mc_column_get_value (column, row) != 0 ? _("Yes") : _("No"));
        break;
      case MC_COLUMN_NUMBER:
      default:
        text = mc_format_value (column, mc_column_get_value (column, row),
                                mc_format_row_decimals (column, row, -1));
        break;
      }

  if (mc_column_is_estimate (column, row))
    /* Translators: a value marked as an estimate, as in "USD 15.4 bn (Est.)" */
    return g_strdup_printf (_("%s (Est.)"), text);
  return g_steal_pointer (&text);
}

static gboolean
parse_number_part (const char **p,
                   guint        n_digits,
                   guint       *value)
{
  *value = 0;
  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += n_digits;
  return TRUE;
}

gboolean
mc_format_parse_iso_date (const char      *text,
                          double          *days,
                          McDatePrecision *precision)
{
  const char *p = text;
  guint year, month = 1, day = 1;
  McDatePrecision found = MC_DATE_YEAR;
  GDate date;

  g_return_val_if_fail (days != NULL && precision != NULL, FALSE);

  if (text == NULL || !parse_number_part (&p, 4, &year) || year == 0)
    return FALSE;
  if (p[0] == '-' && p[1] == 'Q' && p[2] >= '1' && p[2] <= '4' && p[3] == '\0')
    {
      month = (p[2] - '1') * 3 + 1;
      found = MC_DATE_QUARTER;
      p += 3;
    }
  else if (*p == '-')
    {
      p++;
      if (!parse_number_part (&p, 2, &month))
        return FALSE;
      found = MC_DATE_MONTH;
      if (*p == '-')
        {
          p++;
          if (!parse_number_part (&p, 2, &day))
            return FALSE;
          found = MC_DATE_DAY;
        }
    }
  if (*p != '\0' || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  *days = (double) g_date_get_julian (&date) - MC_UNIX_EPOCH_JULIAN;
  *precision = found;
  return TRUE;
}

char *
mc_format_source_line (const char *name,
                       const char *date)
{
  g_autofree char *when = NULL;
  double days;
  McDatePrecision precision;

  if (name == NULL || *name == '\0')
    return NULL;
  if (date == NULL || *date == '\0')
    /* Translators: the source line under a chart */
    return g_strdup_printf (_("Source: %s"), name);
  if (mc_format_parse_iso_date (date, &days, &precision))
    when = mc_format_date (days, precision);
  else
    when = g_strdup (date);
  /* Translators: the source line under a chart: source name, date */
  return g_strdup_printf (_("Source: %s, %s"), name, when);
}

