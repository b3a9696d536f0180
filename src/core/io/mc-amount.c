/* mc-amount.c: numbers as people write them: "$50 billion", "9,2", "(1,234)"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables copied from reports and spreadsheets write amounts with their
 * currency ("$", "HK$", "USD"), a magnitude ("bn", "billion", "Mrd.",
 * "亿"), thousands separators, a percent sign, an accounting negative
 * "(1,234)" or a Unicode minus. A cell is read here as one of those; the
 * table builder decides, for the whole column, which decimal mark it uses
 * and which unit and scale it takes. Readers never see this: "$50
 * billion" means the same in every format.
 */
#include "config.h"

#include "mc-amount.h"

#include <math.h>
#include <string.h>

#include "mc-cell.h"
#include "mc-csv.h"

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

typedef struct
{
  const char *text;
  const char *unit;
} Word;

/* Currency signs before the number; "¥" is the yuan here, as in the
 * Chinese sources the program is made for ("JP¥" is the yen). Longer
 * signs first, so that "HK$" is not read as "$". */
static const Word currency_prefixes[] = {
  { "US$", "USD" }, { "HK$", "HKD" }, { "NT$", "TWD" }, { "CN¥", "CNY" }, { "JP¥", "JPY" },
  { "C$", "CAD" }, { "A$", "AUD" }, { "S$", "SGD" }, { "R$", "BRL" },
  { "$", "USD" }, { "€", "EUR" }, { "£", "GBP" }, { "¥", "CNY" }, { "￥", "CNY" },
  { "₹", "INR" }, { "₩", "KRW" },
};

/* Currency signs and words after the number: "5 €", "12亿元". */
static const Word currency_suffixes[] = {
  { "美元", "USD" }, { "港元", "HKD" }, { "港币", "HKD" }, { "人民币", "CNY" },
  { "元", "CNY" }, { "円", "JPY" }, { "€", "EUR" }, { "£", "GBP" }, { "$", "USD" },
};

/* ISO 4217 codes written before or after a number ("USD 35 bn"): the
 * common ones only, so that other capitals ("EPS 2.1") stay text. */
static const char * const currency_codes[] = {
  "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "TWD", "KRW", "INR", "SGD", "AUD",
  "CAD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RUB", "BRL", "MXN", "ZAR",
  "TRY", "IDR", "MYR", "THB", "PHP", "VND", "NZD", "ILS", "SAR", "AED",
};

typedef struct
{
  const char *text;
  double      factor;
} Magnitude;

/* Magnitude words and suffixes, longer first. ASCII ones match in any
 * case and must end the word ("m" is not the start of "mio"). */
static const Magnitude magnitudes[] = {
  { "trillions", 1e12 }, { "trillion", 1e12 }, { "billions", 1e9 }, { "billion", 1e9 },
  { "millions", 1e6 }, { "million", 1e6 }, { "thousands", 1e3 }, { "thousand", 1e3 },
  { "Mrd.", 1e9 }, { "Mrd", 1e9 }, { "Mio.", 1e6 }, { "Mio", 1e6 }, { "Tsd.", 1e3 },
  { "Tsd", 1e3 }, { "mln", 1e6 }, { "bn", 1e9 }, { "mn", 1e6 }, { "tn", 1e12 },
  { "万亿", 1e12 }, { "万", 1e4 }, { "亿", 1e8 }, { "k", 1e3 }, { "m", 1e6 }, { "b", 1e9 },
};

static gboolean
at_end (const Cursor *c)
{
  return c->p >= c->end;
}

static gboolean
accept (Cursor     *c,
        const char *text)
{
  gsize n = strlen (text);

  if ((gsize) (c->end - c->p) < n || memcmp (c->p, text, n) != 0)
    return FALSE;
  c->p += n;
  return TRUE;
}

/* A space, or one of the spaces that group thousands in French and
 * German texts: U+00A0, U+2009, U+202F. Returns its length, 0 if none. */
static gsize
space_at (const Cursor *c,
          const char   *p)
{
  static const char * const spaces[] = { " ", "\t", "\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF" };

  /* Most bytes are other ASCII. */
  if (p >= c->end || ((guchar) *p < 0x80 && *p != ' ' && *p != '\t'))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (spaces); i++)
    {
      gsize n = strlen (spaces[i]);

      if ((gsize) (c->end - p) >= n && memcmp (p, spaces[i], n) == 0)
        return n;
    }
  return 0;
}

static void
skip_spaces (Cursor *c)
{
  gsize n;

  while ((n = space_at (c, c->p)) > 0)
    c->p += n;
}

static gboolean
ends_word (const Cursor *c)
{
  return at_end (c) || !g_ascii_isalpha (*c->p);
}

static gboolean
accept_word (Cursor     *c,
             const char *word)
{
  Cursor saved = *c;
  gsize n = strlen (word);

  if ((gsize) (c->end - c->p) < n)
    return FALSE;
  if ((guchar) word[0] < 0x80 ? g_ascii_strncasecmp (c->p, word, n) != 0
                              : memcmp (c->p, word, n) != 0)
    return FALSE;
  c->p += n;
  if ((guchar) word[0] < 0x80 && !ends_word (c))
    {
      *c = saved;
      return FALSE;
    }
  return TRUE;
}

/**
 * mc_amount_currency_code:
 * @word: a word, in any case ("usd", "HKD", "rmb")
 *
 * Returns: (nullable): the ISO 4217 code @word is one of the common
 *   ones, in capitals (RMB is CNY), or %NULL
 */
const char *
mc_amount_currency_code (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_codes); i++)
    if (g_ascii_strcasecmp (word, currency_codes[i]) == 0)
      return g_str_equal (currency_codes[i], "RMB") ? "CNY" : currency_codes[i];
  return NULL;
}

static const char *
read_currency_code (Cursor *c)
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_codes); i++)
    if ((gsize) (c->end - c->p) >= 3 && memcmp (c->p, currency_codes[i], 3) == 0)
      {
        Cursor after = { c->p + 3, c->end };

        if (!ends_word (&after))
          continue;
        c->p += 3;
        return g_str_equal (currency_codes[i], "RMB") ? "CNY" : currency_codes[i];
      }
  return NULL;
}

static const char *
read_prefix (Cursor *c)
{
  /* Most amounts are plain: no sign or code starts with a digit. */
  if (at_end (c) || g_ascii_isdigit (*c->p))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (currency_prefixes); i++)
    if (accept (c, currency_prefixes[i].text))
      return currency_prefixes[i].unit;
  return read_currency_code (c);
}

static const char *
read_suffix (Cursor *c)
{
  if (at_end (c))
    return NULL;
  if (accept (c, "%") || accept (c, "％"))
    return "percent";
  for (guint i = 0; i < G_N_ELEMENTS (currency_suffixes); i++)
    if (accept (c, currency_suffixes[i].text))
      return currency_suffixes[i].unit;
  return read_currency_code (c);
}

static double
read_magnitude (Cursor *c)
{
  if (at_end (c))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (magnitudes); i++)
    if (accept_word (c, magnitudes[i].text))
      return magnitudes[i].factor;
  return 0;
}

/* "-", "+" or the Unicode minus; returns -1, 1, or 0 for none. */
static int
read_sign (Cursor *c)
{
  if (accept (c, "-") || accept (c, "\xE2\x88\x92"))
    return -1;
  if (accept (c, "+"))
    return 1;
  return 0;
}

static gsize
count_digits (const char *p,
              const char *end)
{
  const char *start = p;

  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p - start;
}

/* A thousands separator at the cursor followed by exactly three digits:
 * its length, else 0. */
static gsize
group_separator_at (const Cursor *c,
                    char          group)
{
  gsize n = *c->p == group || *c->p == '\'' ? 1 : space_at (c, c->p);

  if (n == 0 || count_digits (c->p + n, c->end) != 3)
    return 0;
  return n;
}

/* The digits, in the C locale's notation, into @out (which has room for
 * as many bytes as the cursor has left, and one more), their number in
 * @n_out: thousands separators dropped, the decimal mark made a point. */
static gboolean
read_digits (Cursor        *c,
             McDecimalMark  mark,
             char          *out,
             gsize         *n_out,
             gboolean      *grouped)
{
  char decimal = mark == MC_DECIMAL_POINT ? '.' : ',';
  char group = mark == MC_DECIMAL_POINT ? ',' : '.';
  gsize run = count_digits (c->p, c->end);
  gsize n;

  /* "0700" is a code, not a number */
  if (run > 1 && *c->p == '0')
    return FALSE;
  memcpy (out, c->p, run);
  *n_out = run;
  c->p += run;
  *grouped = FALSE;
  while (!at_end (c) && run > 0 && (n = group_separator_at (c, group)) > 0)
    {
      if (!*grouped && run > 3)
        return FALSE;
      *grouped = TRUE;
      memcpy (out + *n_out, c->p + n, 3);
      *n_out += 3;
      c->p += n + 3;
    }
  if (!at_end (c) && *c->p == group)
    return FALSE;
  if (!at_end (c) && *c->p == decimal)
    {
      c->p++;
      run = count_digits (c->p, c->end);
      if (run == 0)
        return FALSE;
      out[(*n_out)++] = '.';
      memcpy (out + *n_out, c->p, run);
      *n_out += run;
      c->p += run;
    }
  return *n_out > 0 && g_ascii_isdigit (out[*n_out - 1]);
}

/* Both a prefix and a suffix unit, or a percentage of money, are not
 * one amount. */
static gboolean
merge_unit (const char **unit,
            const char  *more)
{
  if (more == NULL)
    return TRUE;
  if (*unit != NULL)
    return FALSE;
  *unit = more;
  return TRUE;
}

static gboolean
parse_number_part (Cursor        *c,
                   McDecimalMark  mark,
                   McAmount      *amount,
                   gboolean      *grouped)
{
  /* Most cells are short: no allocation for their digits. */
  char small[128];
  g_autofree char *large = NULL;
  char *digits = (gsize) (c->end - c->p) < sizeof small
                 ? small : (large = g_malloc (c->end - c->p + 1));
  gsize n_digits = 0;
  int sign = read_sign (c);

  amount->unit = read_prefix (c);
  if (amount->unit != NULL)
    skip_spaces (c);
  if (sign == 0)
    sign = read_sign (c);
  if (!read_digits (c, mark, digits, &n_digits, grouped))
    return FALSE;
  if (mc_csv_parse_number (digits, n_digits, &amount->number) != MC_CSV_NUMBER_OK)
    return FALSE;
  if (sign < 0)
    amount->number = -amount->number;
  return TRUE;
}

/**
 * mc_amount_parse:
 * @text: the text of a cell
 * @length: its length in bytes
 * @mark: the decimal mark to read it with
 * @amount: (out): what it says
 *
 * Reads a number as people write it: an optional sign (also U+2212) or
 * accounting brackets, a currency sign or code before or after it, digits
 * with thousands separators, a magnitude ("k", "m", "bn", "billion",
 * "Mrd.", "Mio.", "万", "亿") and a percent sign. Plain numbers ("9.2")
 * are amounts too, without notation.
 *
 * Returns: whether @text is one amount with @mark as its decimal mark
 */
gboolean
mc_amount_parse (const char    *text,
                 gsize          length,
                 McDecimalMark  mark,
                 McAmount      *amount)
{
  Cursor c = { text, text + length };
  gboolean negative = FALSE;
  gboolean grouped;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  *amount = (McAmount) { 0, 0, NULL, FALSE };
  skip_spaces (&c);
  if (accept (&c, "("))
    negative = TRUE, skip_spaces (&c);
  if (!parse_number_part (&c, mark, amount, &grouped))
    return FALSE;
  skip_spaces (&c);
  amount->factor = read_magnitude (&c);
  skip_spaces (&c);
  if (!merge_unit (&amount->unit, read_suffix (&c)))
    return FALSE;
  skip_spaces (&c);
  if (negative && !accept (&c, ")"))
    return FALSE;
  skip_spaces (&c);
  if (!at_end (&c))
    return FALSE;
  if (g_strcmp0 (amount->unit, "percent") == 0 && amount->factor != 0)
    return FALSE;

  if (negative)
    amount->number = -amount->number;
  amount->notation = negative || grouped || amount->unit != NULL || amount->factor != 0;
  return TRUE;
}

/* The scale nearest to a magnitude: 万 (10⁴) is thousands, 亿 (10⁸)
 * billions. */
McScale
mc_amount_scale_of_factor (double factor)
{
  double exponent;

  if (factor < 1e3)
    return MC_SCALE_NONE;
  exponent = round (log10 (factor) / 3);
  return (McScale) CLAMP ((int) exponent, MC_SCALE_THOUSAND, MC_SCALE_TRILLION);
}

const char *
mc_amount_unit_shown (const char *unit)
{
  return g_strcmp0 (unit, "percent") == 0 ? "%" : unit;
}

int
mc_amount_written_decimals (const McAmount *amount,
                            const char     *text,
                            gsize           length,
                            McDecimalMark   mark,
                            double          column_factor)
{
  int decimals = mc_cell_written_decimals (text, length, mark == MC_DECIMAL_COMMA ? ',' : '.');

  if (amount->factor != 0)
    decimals += (int) lround (log10 (column_factor / amount->factor));
  return MAX (0, decimals);
}
