/* test-column.c: columns kept as progressions, and the summaries of
 * their values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A summary answers for its values: the range, the missing values, the
 * order and the first extremes of any run of rows must be what a walk
 * through every value finds, after appending in pieces and after changes.
 * A column of row numbers or days is kept as a start and a step, and
 * must read exactly as the array it stands for. A column's texts are
 * numbered in the order they are first met.
 */
#include "config.h"

#include <math.h>

#include "mc-column.h"
#include "mc-parallel.h"
#include "mc-text-numbers.h"

/* The extremes of values[from, to) the slow way: the first lowest and
 * highest, NAN left out. */
static void
walk_extremes (const double *values,
               guint         from,
               guint         to,
               guint        *low,
               guint        *high)
{
  *low = *high = G_MAXUINT;
  for (guint i = from; i < to; i++)
    {
      if (isnan (values[i]))
        continue;
      if (*low == G_MAXUINT || values[i] < values[*low])
        *low = i;
      if (*high == G_MAXUINT || values[i] > values[*high])
        *high = i;
    }
}

static void
assert_summary (const McValueSummary *summary,
                const double         *values,
                guint                 n,
                GRand                *rand)
{
  guint missing = 0, low, high, slow_low, slow_high;
  gboolean sorted = TRUE;
  double min, max;

  for (guint i = 0; i < n; i++)
    {
      missing += isnan (values[i]) != 0;
      if (i > 0 && !(values[i] >= values[i - 1]))
        sorted = FALSE;
    }
  g_assert_cmpuint (mc_value_summary_get_n_values (summary), ==, n);
  g_assert_cmpuint (mc_value_summary_get_n_missing (summary), ==, missing);
  g_assert_cmpint (mc_value_summary_is_sorted (summary), ==, sorted);
  walk_extremes (values, 0, n, &slow_low, &slow_high);
  g_assert_cmpint (mc_value_summary_get_range (summary, &min, &max), ==, slow_low != G_MAXUINT);
  if (slow_low != G_MAXUINT)
    {
      g_assert_cmpfloat (min, ==, values[slow_low]);
      g_assert_cmpfloat (max, ==, values[slow_high]);
    }

  for (guint q = 0; q < 300; q++)
    {
      guint from = g_rand_int_range (rand, 0, n);
      guint to = g_rand_int_range (rand, from, n + 1);

      /* Long runs too, which the blocks of the pyramid answer. */
      if (q % 3 == 0)
        from = g_rand_int_range (rand, 0, 600), to = n - g_rand_int_range (rand, 0, 600);
      mc_value_summary_extremes (summary, values, from, to, &low, &high);
      walk_extremes (values, from, to, &slow_low, &slow_high);
      g_assert_cmpuint (low, ==, slow_low);
      g_assert_cmpuint (high, ==, slow_high);
    }
}

/* Values with ties (few distinct ones, zeros of both signs), missing
 * runs, infinities alone and in a run, and a sorted stretch, so that
 * first occurrences, NAN blocks and blocks of infinities matter. */
static GArray *
random_values (GRand *rand,
               guint  n)
{
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), n);

  for (guint i = 0; i < n; i++)
    {
      double v = g_rand_int_range (rand, 0, 50);

      if (i >= 1000 && i < 1800)
        v = NAN;
      else if (i >= 2000 && i < 2100)
        v = INFINITY;
      else if (g_rand_int_range (rand, 0, 30) == 0)
        v = NAN;
      else if (g_rand_int_range (rand, 0, 200) == 0)
        v = g_rand_boolean (rand) ? INFINITY : -INFINITY;
      else if (v == 0 && g_rand_boolean (rand))
        v = -0.0;
      else if (i >= 5000 && i < 9000)
        v = i;
      g_array_append_val (values, v);
    }
  return values;
}

/* A long column's summary is made by several threads, each from its
 * share of the rows: any number of them makes the same summary. */
static void
test_summary_parts (void)
{
  GRand *rand = g_rand_new_with_seed (16);
  g_autoptr(GArray) values = random_values (rand, 70000);
  const double *data = (const double *) (gpointer) values->data;
  g_autoptr(McValueSummary) one = mc_value_summary_new_in_parts (data, values->len, 1);
  g_autoptr(GArray) rising = g_array_new (FALSE, FALSE, sizeof (double));
  double one_min, one_max;

  assert_summary (one, data, values->len, rand);
  mc_value_summary_get_range (one, &one_min, &one_max);
  for (double v = 0; v < 5000; v++)
    g_array_append_val (rising, v);
  for (guint n_parts = 2; n_parts <= MC_PARALLEL_MAX_PARTS; n_parts++)
    {
      g_autoptr(McValueSummary) parts = mc_value_summary_new_in_parts (data, values->len, n_parts);
      g_autoptr(McValueSummary) sorted = NULL;
      double min, max;
      guint low, high;

      assert_summary (parts, data, values->len, rand);
      /* Whole blocks of infinities, and of missing values */
      mc_value_summary_extremes (parts, data, 2016, 2080, &low, &high);
      g_assert_cmpuint (low, ==, 2016);
      g_assert_cmpuint (high, ==, 2016);
      mc_value_summary_extremes (parts, data, 1000, 1800, &low, &high);
      g_assert_cmpuint (low, ==, G_MAXUINT);
      g_assert_cmpuint (high, ==, G_MAXUINT);
      /* The first of the lowest values, whose zero may have a sign */
      mc_value_summary_get_range (parts, &min, &max);
      g_assert_cmpint (signbit (min), ==, signbit (one_min));
      g_assert_cmpint (signbit (max), ==, signbit (one_max));
      /* No descent between two parts' rows is missed or made up. */
      sorted = mc_value_summary_new_in_parts ((const double *) (gpointer) rising->data,
                                              rising->len, n_parts);
      g_assert_true (mc_value_summary_is_sorted (sorted));
    }
  /* A descent just where the second of two parts begins */
  g_array_index (rising, double, 2496) = -1;
  {
    g_autoptr(McValueSummary) two = mc_value_summary_new_in_parts ((const double *) (gpointer) rising->data,
                                                                    rising->len, 2);

    assert_summary (two, (const double *) (gpointer) rising->data, rising->len, rand);
  }
  g_rand_free (rand);
}

static void
test_summary_sorted (void)
{
  const double rising[] = { 1, 2, 2, 3 };
  const double falling[] = { 1, 3, 2 };
  const double nan_first[] = { NAN, 1 };
  const double lone_nan[] = { NAN };
  g_autoptr(McValueSummary) a = mc_value_summary_new_for_values (rising, 4);
  g_autoptr(McValueSummary) b = mc_value_summary_new_for_values (falling, 3);
  g_autoptr(McValueSummary) c = mc_value_summary_new_for_values (nan_first, 2);
  g_autoptr(McValueSummary) d = mc_value_summary_new_for_values (lone_nan, 1);
  g_autoptr(McValueSummary) e = NULL;
  double steps[100];
  double min, max;

  /* Rising in steps: equal neighbours are no descent, wherever they are. */
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    steps[i] = i / 3;
  e = mc_value_summary_new_for_values (steps, G_N_ELEMENTS (steps));
  g_assert_true (mc_value_summary_is_sorted (e));
  /* A missing value among them puts them out of order, in whichever
   * row and block it is, the first of a block included. */
  for (guint row = 0; row < G_N_ELEMENTS (steps); row++)
    {
      double with_gap[G_N_ELEMENTS (steps)];
      g_autoptr(McValueSummary) gap = NULL;

      memcpy (with_gap, steps, sizeof steps);
      with_gap[row] = NAN;
      gap = mc_value_summary_new_for_values (with_gap, G_N_ELEMENTS (with_gap));
      g_assert_false (mc_value_summary_is_sorted (gap));
    }

  g_assert_true (mc_value_summary_is_sorted (a));
  g_assert_false (mc_value_summary_is_sorted (b));
  g_assert_false (mc_value_summary_is_sorted (c));
  g_assert_true (mc_value_summary_is_sorted (d));
  g_assert_false (mc_value_summary_get_range (d, &min, &max));
  g_assert_true (isnan (min) && isnan (max));
}

/* Edits of single cells: the summary follows, as if made again. */
static void
test_summary_update (void)
{
  GRand *rand = g_rand_new_with_seed (7);
  McColumn *column = mc_column_new ("v", NULL, MC_COLUMN_NUMBER);
  g_autoptr(GArray) values = NULL;
  g_autoptr(McValueSummary) before = NULL;

  mc_column_take_values (column, random_values (rand, 20000));
  values = mc_column_ref_values (column);
  before = mc_value_summary_ref ((McValueSummary *) mc_column_get_summary (column));
  for (guint i = 0; i < 400; i++)
    {
      guint row = g_rand_int_range (rand, 0, values->len);
      double v = g_rand_int_range (rand, 0, 8) == 0 ? NAN : g_rand_int_range (rand, -60, 60);
      const McValueSummary *summary;

      /* Runs of the edits go through the sorted stretch too. */
      if (i % 5 == 0)
        row = g_rand_int_range (rand, 5000, 9000);
      mc_column_set_value (column, row, v);
      summary = mc_column_get_summary (column);
      if (i % 40 == 0)
        assert_summary (summary, mc_column_get_values (column, NULL),
                        mc_column_get_n_rows (column), rand);
    }
  assert_summary (mc_column_get_summary (column), mc_column_get_values (column, NULL),
                  mc_column_get_n_rows (column), rand);
  /* The array handed out keeps its values, the first summary its own. */
  assert_summary (before, (const double *) (gpointer) values->data, values->len, rand);
  mc_column_free (column);
  g_rand_free (rand);
}

/* Texts numbered in the order first met, by content: as a walk with a
 * hash table of every text numbers them, few or many (past the texts
 * looked for among themselves), each first meeting told. */
static void
test_text_numbers (void)
{
  GRand *rand = g_rand_new_with_seed (12);

  for (guint n_distinct = 1; n_distinct <= 3 * MC_TEXT_NUMBERS_FEW; n_distinct += 3)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
      McTextNumbers texts;

      /* Each cell a copy of its own, as a column's strings are. */
      for (guint i = 0; i < 500; i++)
        g_ptr_array_add (cells, g_strdup_printf ("T%u", g_rand_int_range (rand, 0, n_distinct)));
      mc_text_numbers_init (&texts);
      for (guint i = 0; i < cells->len; i++)
        {
          const char *cell = g_ptr_array_index (cells, i);
          gboolean first, new_here = !g_hash_table_contains (expected, cell);
          guint number;

          if (new_here)
            g_hash_table_insert (expected, (gpointer) cell,
                                 GUINT_TO_POINTER (g_hash_table_size (expected)));
          number = mc_text_numbers_get (&texts, cell, &first);
          g_assert_cmpint (first, ==, new_here);
          g_assert_cmpuint (number, ==, GPOINTER_TO_UINT (g_hash_table_lookup (expected, cell)));
        }
      g_assert_cmpuint (mc_text_numbers_count (&texts), ==, g_hash_table_size (expected));
      mc_text_numbers_clear (&texts);
    }
  g_rand_free (rand);
}

/* Asserts that @column's text codes are those of its texts now: the
 * codes in the order texts are first met, none for a missing cell.
 * Returns the codes. */
static const McTextCodes *
assert_text_codes (const McColumn *column)
{
  const McTextCodes *codes = mc_column_get_text_codes (column);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    {
      const char *text = mc_column_get_string (column, row);
      guint code = mc_text_codes_get_codes (codes)[row];
      gpointer expected;

      if (text == NULL)
        {
          g_assert_cmpuint (code, ==, MC_TEXT_CODE_NONE);
          continue;
        }
      if (!g_hash_table_lookup_extended (seen, text, NULL, &expected))
        {
          expected = GUINT_TO_POINTER (g_hash_table_size (seen));
          g_hash_table_insert (seen, (gpointer) text, expected);
        }
      g_assert_cmpuint (code, ==, GPOINTER_TO_UINT (expected));
      g_assert_cmpstr (mc_text_codes_get_text (codes, code), ==, text);
    }
  g_assert_cmpuint (mc_text_codes_get_n_texts (codes), ==, g_hash_table_size (seen));
  return codes;
}

/* A column's text codes follow every change of its texts, a snapshot
 * keeps those of the texts it was taken with, and rows gathered from
 * the column have theirs. */
static void
test_text_codes (void)
{
  static const char * const texts[] = { "AAA", "BBB", NULL, "AAA", "", "CCC", "BBB" };
  static const guint last_first[] = { 6, 5, 4, 2, 1, 0 }, some[] = { 2, 3, 3, 1 };
  static const struct { const guint *rows; guint n_rows; } gathers[] = {
    { last_first, G_N_ELEMENTS (last_first) }, { some, G_N_ELEMENTS (some) }, { some, 0 },
  };
  McColumn *column = mc_column_new ("ticker", "Ticker", MC_COLUMN_STRING);
  McColumn *snapshot;
  const McTextCodes *kept;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    mc_column_append_string (column, texts[i]);
  kept = assert_text_codes (column);
  g_assert_cmpuint (mc_text_codes_get_n_texts (kept), ==, 4);
  g_assert_cmpuint (mc_text_codes_get_codes (kept)[6], ==, 1);
  /* Asked again, the same */
  g_assert_true (mc_column_get_text_codes (column) == kept);
  /* Gathered rows take theirs from these */
  for (guint i = 0; i < G_N_ELEMENTS (gathers); i++)
    {
      McColumn *gathered = mc_column_new ("ticker", "Ticker", MC_COLUMN_STRING);

      mc_column_gather_strings (gathered, column, gathers[i].rows, gathers[i].n_rows);
      g_assert_cmpuint (mc_column_get_n_rows (gathered), ==, gathers[i].n_rows);
      assert_text_codes (gathered);
      mc_column_free (gathered);
    }
  snapshot = mc_column_snapshot (column);
  g_assert_true (mc_column_get_text_codes (snapshot) == kept);

  mc_column_set_string (column, 2, "DDD");
  assert_text_codes (column);
  g_assert_cmpuint (mc_text_codes_get_codes (mc_column_get_text_codes (column))[2], ==, 2);
  mc_column_set_missing (column, 0);
  assert_text_codes (column);
  g_assert_cmpstr (mc_text_codes_get_text (mc_column_get_text_codes (column), 0), ==, "BBB");
  mc_column_append_string (column, "EEE");
  assert_text_codes (column);
  mc_column_append_missing (column);
  assert_text_codes (column);
  mc_column_insert_missing (column, 1, 2);
  assert_text_codes (column);
  mc_column_remove_rows (column, 3, 2);
  assert_text_codes (column);
  g_ptr_array_add (strings, g_strdup ("ZZZ"));
  g_ptr_array_add (strings, NULL);
  mc_column_take_strings (column, g_steal_pointer (&strings));
  assert_text_codes (column);
  g_assert_cmpuint (mc_text_codes_get_n_texts (mc_column_get_text_codes (column)), ==, 1);

  /* The snapshot's texts never changed, nor did their codes */
  g_assert_true (mc_column_get_text_codes (snapshot) == kept);
  assert_text_codes (snapshot);
  g_assert_cmpuint (mc_text_codes_get_n_texts (kept), ==, 4);
  mc_column_free (column);
  mc_column_free (snapshot);
}

static void
test_progression (void)
{
  McColumn *days = mc_column_new ("day", NULL, MC_COLUMN_DATE);
  McColumn *snapshot;
  const McValueSummary *summary;
  double start, step, min, max;
  guint low, high;
  const double *values;
  guint n;

  mc_column_take_progression (days, 19000, 1, 100000);
  g_assert_cmpuint (mc_column_get_n_rows (days), ==, 100000);
  g_assert_true (mc_column_get_progression (days, &start, &step));
  g_assert_cmpfloat (start, ==, 19000);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpfloat (mc_column_get_value (days, 99999), ==, 19000 + 99999);

  summary = mc_column_get_summary (days);
  g_assert_true (mc_value_summary_is_sorted (summary));
  g_assert_true (mc_value_summary_get_range (summary, &min, &max));
  g_assert_cmpfloat (min, ==, 19000);
  g_assert_cmpfloat (max, ==, 19000 + 99999);
  mc_value_summary_extremes (summary, NULL, 10, 20, &low, &high);
  g_assert_cmpuint (low, ==, 10);
  g_assert_cmpuint (high, ==, 19);

  /* Every value, when asked for, exactly as the progression says. */
  snapshot = mc_column_snapshot (days);
  values = mc_column_get_values (days, &n);
  g_assert_cmpuint (n, ==, 100000);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (values[i], ==, 19000 + i);
  g_assert_true (mc_column_get_progression (days, NULL, NULL));

  /* A change makes it an array of its own; the snapshot stays as it was. */
  mc_column_set_value (days, 5, NAN);
  g_assert_false (mc_column_get_progression (days, NULL, NULL));
  g_assert_true (mc_column_is_missing (days, 5));
  g_assert_false (mc_value_summary_is_sorted (mc_column_get_summary (days)));
  g_assert_true (mc_column_get_progression (snapshot, NULL, NULL));
  g_assert_cmpfloat (mc_column_get_value (snapshot, 5), ==, 19005);
  g_assert_true (mc_value_summary_is_sorted (mc_column_get_summary (snapshot)));
  mc_column_free (snapshot);

  snapshot = mc_column_copy_rows (days, 4, 3);
  g_assert_cmpfloat (mc_column_get_value (snapshot, 0), ==, 19004);
  g_assert_true (mc_column_is_missing (snapshot, 1));
  mc_column_free (snapshot);
  mc_column_free (days);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/column/summary-parts", test_summary_parts);
  g_test_add_func ("/mc/column/summary-sorted", test_summary_sorted);
  g_test_add_func ("/mc/column/summary-update", test_summary_update);
  g_test_add_func ("/mc/column/progression", test_progression);
  g_test_add_func ("/mc/column/text-numbers", test_text_numbers);
  g_test_add_func ("/mc/column/text-codes", test_text_codes);
  return g_test_run ();
}
