/* mc-value-summary.c: what a column of values holds, at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Level k of the pyramid holds the extremes of the whole, aligned blocks
 * of MC_VALUE_SUMMARY_BLOCK << k rows; the rows after the last whole
 * block of level 0 are its tail. A run of rows is its ragged ends, point
 * by point, and the largest aligned blocks that fit in between, so a run
 * of ten million rows takes a few dozen blocks and at most 62 points.
 */
#include "config.h"

#include "mc-value-summary.h"

#include <math.h>

struct _McValueSummary
{
  gatomicrefcount  ref_count;
  guint            n_values;
  guint            n_missing;
  guint            n_descents;   /* rows whose value is not ≥ the one before */
  double           min;          /* NAN when every value is */
  double           max;
  gboolean         progression;  /* start + i × step: extremes at the ends */
  double           step;
  GPtrArray       *levels;       /* GArray of McValueBlock per level */
  McValueBlock     tail;
};

static McValueSummary *
summary_alloc (void)
{
  McValueSummary *summary = g_new0 (McValueSummary, 1);

  g_atomic_ref_count_init (&summary->ref_count);
  summary->min = summary->max = NAN;
  summary->tail.low = summary->tail.high = G_MAXUINT;
  summary->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return summary;
}

McValueSummary *
mc_value_summary_new (void)
{
  return summary_alloc ();
}

McValueSummary *
mc_value_summary_new_for_values (const double *values,
                                 guint         n_values)
{
  McValueSummary *summary = summary_alloc ();

  mc_value_summary_append (summary, values, n_values);
  return summary;
}

/**
 * mc_value_summary_new_for_progression:
 *
 * The summary of @n_values values start + i × step, which needs none of
 * them: the extremes of a run are at its ends.
 */
McValueSummary *
mc_value_summary_new_for_progression (double start,
                                      double step,
                                      guint  n_values)
{
  McValueSummary *summary = summary_alloc ();
  double last = start + (n_values > 0 ? n_values - 1 : 0) * step;

  summary->progression = TRUE;
  summary->step = step;
  summary->n_values = n_values;
  summary->n_descents = step >= 0 ? 0 : n_values - 1;
  if (n_values > 0)
    {
      summary->min = MIN (start, last);
      summary->max = MAX (start, last);
    }
  return summary;
}

McValueSummary *
mc_value_summary_copy (const McValueSummary *summary)
{
  McValueSummary *copy = summary_alloc ();
  GPtrArray *levels = copy->levels;

  *copy = *summary;
  g_atomic_ref_count_init (&copy->ref_count);
  copy->levels = levels;
  for (guint k = 0; k < summary->levels->len; k++)
    g_ptr_array_add (copy->levels, g_array_copy (g_ptr_array_index (summary->levels, k)));
  return copy;
}

McValueSummary *
mc_value_summary_ref (McValueSummary *summary)
{
  g_atomic_ref_count_inc (&summary->ref_count);
  return summary;
}

void
mc_value_summary_unref (McValueSummary *summary)
{
  if (summary == NULL || !g_atomic_ref_count_dec (&summary->ref_count))
    return;
  g_ptr_array_unref (summary->levels);
  g_free (summary);
}

/* Blocks */

static GArray *
level (const McValueSummary *summary,
       guint                 k)
{
  return g_ptr_array_index (summary->levels, k);
}

static guint
level_rows (guint k)
{
  return MC_VALUE_SUMMARY_BLOCK << k;
}

/* The first lowest (or highest, with @sign -1) of two rows, G_MAXUINT
 * standing for none: @a comes first, and wins a tie. */
static inline guint
first_extreme (const double *values,
               guint         a,
               guint         b,
               double        sign)
{
  if (a == G_MAXUINT)
    return b;
  return b != G_MAXUINT && sign * values[b] < sign * values[a] ? b : a;
}

static inline void
block_merge (McValueBlock       *into,
             const McValueBlock *next,
             const double       *values)
{
  into->low = first_extreme (values, into->low, next->low, 1);
  into->high = first_extreme (values, into->high, next->high, -1);
}

/* The lowest and highest value of @values[@from, @to) that are not NAN
 * (INFINITY and -INFINITY when none is), counting the missing values and
 * the descents on the way: in four lanes, which the processor works on
 * at once, since no lane waits for another. */
static void
scan_values (McValueSummary *summary,
             const double   *values,
             guint           from,
             guint           to,
             double         *low,
             double         *high)
{
  double lo[4] = { INFINITY, INFINITY, INFINITY, INFINITY };
  double hi[4] = { -INFINITY, -INFINITY, -INFINITY, -INFINITY };
  guint missing[4] = { 0, }, descents[4] = { 0, };
  guint row = from;

  *low = INFINITY;
  *high = -INFINITY;
  if (from == to)
    return;
  /* A NAN is neither lower nor higher; nothing comes before row 0. */
  lo[0] = values[from] < lo[0] ? values[from] : lo[0];
  hi[0] = values[from] > hi[0] ? values[from] : hi[0];
  missing[0] = isnan (values[from]) != 0;
  descents[0] = from > 0 && !(values[from] >= values[from - 1]);
  for (row++; row + 4 <= to; row += 4)
    for (guint lane = 0; lane < 4; lane++)
      {
        double v = values[row + lane];

        lo[lane] = v < lo[lane] ? v : lo[lane];
        hi[lane] = v > hi[lane] ? v : hi[lane];
        missing[lane] += isnan (v) != 0;
        descents[lane] += !(v >= values[row + lane - 1]);
      }
  for (; row < to; row++)
    {
      double v = values[row];

      lo[0] = v < lo[0] ? v : lo[0];
      hi[0] = v > hi[0] ? v : hi[0];
      missing[0] += isnan (v) != 0;
      descents[0] += !(v >= values[row - 1]);
    }
  summary->n_missing += missing[0] + missing[1] + missing[2] + missing[3];
  summary->n_descents += descents[0] + descents[1] + descents[2] + descents[3];
  *low = MIN (MIN (lo[0], lo[1]), MIN (lo[2], lo[3]));
  *high = MAX (MAX (hi[0], hi[1]), MAX (hi[2], hi[3]));
}

/* The first row of @values[@from, @to) that holds @value, G_MAXUINT
 * when none does. */
static inline guint
first_row_of (const double *values,
              guint         from,
              guint         to,
              double        value)
{
  for (guint row = from; row < to; row++)
    if (values[row] == value)
      return row;
  return G_MAXUINT;
}

/* The rows of the first lowest and the first highest value of
 * @values[@from, @to), leaving out NAN (G_MAXUINT when all are), counting
 * the missing values and the descents on the way. */
static McValueBlock
scan_rows (McValueSummary *summary,
           const double   *values,
           guint           from,
           guint           to)
{
  McValueBlock block = { G_MAXUINT, G_MAXUINT };
  double low, high;

  scan_values (summary, values, from, to, &low, &high);
  /* No NAN equals them; an infinity found is a value. */
  block.low = first_row_of (values, from, to, low);
  block.high = first_row_of (values, from, to, high);
  return block;
}

/* A whole block of level 0 was added: the levels above take it in. */
static void
push_block (McValueSummary *summary,
            McValueBlock    block,
            const double   *values)
{
  for (guint k = 0;; k++)
    {
      GArray *blocks;

      if (k == summary->levels->len)
        g_ptr_array_add (summary->levels, g_array_new (FALSE, FALSE, sizeof (McValueBlock)));
      blocks = level (summary, k);
      g_array_append_val (blocks, block);
      if (blocks->len % 2 != 0)
        return;
      block = g_array_index (blocks, McValueBlock, blocks->len - 2);
      block_merge (&block, &g_array_index (blocks, McValueBlock, blocks->len - 1), values);
    }
}

static void
widen_range (McValueSummary *summary,
             const double   *values,
             McValueBlock    block)
{
  if (block.low == G_MAXUINT)
    return;
  if (isnan (summary->min) || values[block.low] < summary->min)
    summary->min = values[block.low];
  if (isnan (summary->max) || values[block.high] > summary->max)
    summary->max = values[block.high];
}

void
mc_value_summary_append (McValueSummary *summary,
                         const double   *values,
                         guint           n_values)
{
  guint row = summary->n_values;

  g_return_if_fail (!summary->progression);
  g_return_if_fail (n_values >= summary->n_values);

  while (row < n_values)
    {
      guint block_end = (row / MC_VALUE_SUMMARY_BLOCK + 1) * MC_VALUE_SUMMARY_BLOCK;
      guint end = MIN (block_end, n_values);
      McValueBlock part = scan_rows (summary, values, row, end);

      widen_range (summary, values, part);
      block_merge (&summary->tail, &part, values);
      row = end;
      if (row == block_end)
        {
          push_block (summary, summary->tail, values);
          summary->tail.low = summary->tail.high = G_MAXUINT;
        }
    }
  summary->n_values = n_values;
}

/* Queries */

guint
mc_value_summary_get_n_values (const McValueSummary *summary)
{
  return summary->n_values;
}

guint
mc_value_summary_get_n_missing (const McValueSummary *summary)
{
  return summary->n_missing;
}

gboolean
mc_value_summary_is_sorted (const McValueSummary *summary)
{
  return summary->n_descents == 0;
}

gboolean
mc_value_summary_get_range (const McValueSummary *summary,
                            double               *min,
                            double               *max)
{
  *min = summary->min;
  *max = summary->max;
  return !isnan (summary->min);
}

/* The highest level whose block starts at @row and ends by @to. */
static int
fitting_level (const McValueSummary *summary,
               guint                 row,
               guint                 to)
{
  int best = -1;

  for (guint k = 0; k < summary->levels->len; k++)
    {
      guint rows = level_rows (k);

      if (row % rows != 0 || to - row < rows || row / rows >= level (summary, k)->len)
        break;
      best = k;
    }
  return best;
}

void
mc_value_summary_extremes (const McValueSummary *summary,
                           const double         *values,
                           guint                 from,
                           guint                 to,
                           guint                *low,
                           guint                *high)
{
  McValueBlock found = { G_MAXUINT, G_MAXUINT };
  guint row = from;

  if (summary->progression && from < to)
    {
      *low = summary->step >= 0 ? from : to - 1;
      *high = summary->step > 0 ? to - 1 : from;
      return;
    }
  while (row < to)
    {
      int k = row % MC_VALUE_SUMMARY_BLOCK == 0 ? fitting_level (summary, row, to) : -1;

      if (k >= 0)
        {
          block_merge (&found, &g_array_index (level (summary, k), McValueBlock,
                                               row / level_rows (k)), values);
          row += level_rows (k);
          continue;
        }
      if (!isnan (values[row]))
        {
          McValueBlock point = { row, row };

          block_merge (&found, &point, values);
        }
      row++;
    }
  *low = found.low;
  *high = found.high;
}

/* Changes */

/* The descents into and out of @row, were its value @value. */
static guint
descents_around (const double *values,
                 guint         n_values,
                 guint         row,
                 double        value)
{
  guint descents = 0;

  if (row > 0)
    descents += !(value >= values[row - 1]);
  if (row + 1 < n_values)
    descents += !(values[row + 1] >= value);
  return descents;
}

/* The block of level @k holding @row, made again from the level below
 * (or, at level 0, from its rows). */
static void
rebuild_block (McValueSummary *summary,
               const double   *values,
               guint           k,
               guint           row)
{
  guint index = row / level_rows (k);
  McValueBlock *block;

  if (index >= level (summary, k)->len)
    return;
  block = &g_array_index (level (summary, k), McValueBlock, index);
  if (k == 0)
    {
      McValueSummary scratch = { 0, };

      *block = scan_rows (&scratch, values, index * MC_VALUE_SUMMARY_BLOCK,
                          (index + 1) * MC_VALUE_SUMMARY_BLOCK);
      return;
    }
  *block = g_array_index (level (summary, k - 1), McValueBlock, 2 * index);
  block_merge (block, &g_array_index (level (summary, k - 1), McValueBlock, 2 * index + 1),
               values);
}

/**
 * mc_value_summary_update:
 * @values: the values, @row changed
 *
 * Follows the change of one value: the blocks that hold it are made
 * again from the level below, and the range from the top of the pyramid.
 */
void
mc_value_summary_update (McValueSummary *summary,
                         const double   *values,
                         guint           row,
                         double          old_value)
{
  double new_value = values[row];
  McValueBlock all;
  guint tail_start;

  g_return_if_fail (!summary->progression);
  g_return_if_fail (row < summary->n_values);

  summary->n_descents -= descents_around (values, summary->n_values, row, old_value);
  summary->n_descents += descents_around (values, summary->n_values, row, new_value);
  summary->n_missing -= isnan (old_value) != 0;
  summary->n_missing += isnan (new_value) != 0;

  for (guint k = 0; k < summary->levels->len; k++)
    rebuild_block (summary, values, k, row);
  tail_start = summary->n_values / MC_VALUE_SUMMARY_BLOCK * MC_VALUE_SUMMARY_BLOCK;
  if (row >= tail_start)
    {
      McValueSummary scratch = { 0, };

      summary->tail = scan_rows (&scratch, values, tail_start, summary->n_values);
    }

  mc_value_summary_extremes (summary, values, 0, summary->n_values, &all.low, &all.high);
  summary->min = summary->max = NAN;
  widen_range (summary, values, all);
}
