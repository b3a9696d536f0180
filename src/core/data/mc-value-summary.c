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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mc-parallel.h"

/* Rows from which the finest level is made by several threads: on two
 * cores, with scan_block(), 2^18 random-walk values take 0.22 ms on one
 * and 0.17 to 0.26 ms on two, 2^19 take 0.45 and 0.28 to 0.50 ms, 2^20
 * 0.93 and 0.72 (medians; fewer rows gain nothing on two). */
#define PARALLEL_VALUES (1 << 19)

/* The rows of a block's lowest and highest value (their first
 * occurrence, leaving out NAN; G_MAXUINT when every value is NAN), and
 * those values: blocks are compared without reading the rows, which
 * in a long column are far apart and seldom in the processor's cache. */
typedef struct
{
  guint  low;
  guint  high;
  double low_value;
  double high_value;
} Block;

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
  GPtrArray       *levels;       /* GArray of Block per level */
  Block            tail;
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

/* @into and @next, a block after it, as one: @into wins a tie, its
 * rows coming first. */
static inline void
block_merge (Block       *into,
             const Block *next)
{
  if (next->low != G_MAXUINT && (into->low == G_MAXUINT || next->low_value < into->low_value))
    {
      into->low = next->low;
      into->low_value = next->low_value;
    }
  if (next->high != G_MAXUINT && (into->high == G_MAXUINT || next->high_value > into->high_value))
    {
      into->high = next->high;
      into->high_value = next->high_value;
    }
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
static Block
scan_rows (McValueSummary *summary,
           const double   *values,
           guint           from,
           guint           to)
{
  Block block = { G_MAXUINT, G_MAXUINT, NAN, NAN };
  double low, high;

  scan_values (summary, values, from, to, &low, &high);
  /* No NAN equals them; an infinity found is a value. */
  block.low = first_row_of (values, from, to, low);
  block.high = first_row_of (values, from, to, high);
  if (block.low != G_MAXUINT)
    {
      /* Of the row itself: a zero's sign may differ from the lowest's */
      block.low_value = values[block.low];
      block.high_value = values[block.high];
    }
  return block;
}

#if defined(__SSE2__)
G_STATIC_ASSERT (MC_VALUE_SUMMARY_BLOCK == 32);

/* The rows of the block at @values that hold @value, a bit a row from
 * the lowest: the block's first_row_of() without a branch a row. */
static inline guint32
rows_holding (const double *values,
              double        value)
{
  __m128d wanted = _mm_set1_pd (value);
  guint32 rows = 0;

  for (guint i = 0; i < MC_VALUE_SUMMARY_BLOCK; i += 2)
    rows |= (guint32) _mm_movemask_pd (_mm_cmpeq_pd (_mm_loadu_pd (values + i), wanted)) << i;
  return rows;
}

/* The sum of the two lanes of @counts */
static inline guint
sum_lanes (__m128i counts)
{
  guint64 lanes[2];

  _mm_storeu_si128 ((__m128i *) (gpointer) lanes, counts);
  return lanes[0] + lanes[1];
}
#endif

/* scan_rows() of the whole block of level 0 that starts at row @from,
 * which is not row 0: the same block and counts. With SSE2 (every
 * x86-64 processor has it) two values at a time, the rows of the
 * extremes found by comparing the whole block with them: 8 ms for ten
 * million values on one core here, where scan_rows() takes 21. */
static Block
scan_block (McValueSummary *summary,
            const double   *values,
            guint           from)
{
#if defined(__SSE2__)
  const double *rows = values + from;
  __m128d low = _mm_set1_pd (INFINITY), high = _mm_set1_pd (-INFINITY);
  __m128i missing = _mm_setzero_si128 (), descents = _mm_setzero_si128 ();
  Block block = { G_MAXUINT, G_MAXUINT, NAN, NAN };
  double lowest, highest;
  guint32 low_rows;

  g_assert (from > 0);
  for (guint i = 0; i < MC_VALUE_SUMMARY_BLOCK; i += 2)
    {
      __m128d v = _mm_loadu_pd (rows + i);
      __m128d before = _mm_loadu_pd (rows + i - 1);

      /* As scan_values() compares: MINPD and MAXPD keep their second
       * operand when the first is NAN. */
      low = _mm_min_pd (v, low);
      high = _mm_max_pd (v, high);
      /* A comparison that holds is all ones: -1 as an integer. */
      missing = _mm_sub_epi64 (missing, _mm_castpd_si128 (_mm_cmpunord_pd (v, v)));
      descents = _mm_sub_epi64 (descents, _mm_castpd_si128 (_mm_cmpnge_pd (v, before)));
    }
  summary->n_missing += sum_lanes (missing);
  summary->n_descents += sum_lanes (descents);
  lowest = MIN (_mm_cvtsd_f64 (low), _mm_cvtsd_f64 (_mm_unpackhi_pd (low, low)));
  highest = MAX (_mm_cvtsd_f64 (high), _mm_cvtsd_f64 (_mm_unpackhi_pd (high, high)));
  /* No NAN equals them; an infinity found is a value. */
  low_rows = rows_holding (rows, lowest);
  if (low_rows != 0)
    {
      block.low = from + (guint) __builtin_ctz (low_rows);
      block.high = from + (guint) __builtin_ctz (rows_holding (rows, highest));
      /* Of the row itself: a zero's sign may differ from the lowest's */
      block.low_value = values[block.low];
      block.high_value = values[block.high];
    }
  return block;
#else
  return scan_rows (summary, values, from, from + MC_VALUE_SUMMARY_BLOCK);
#endif
}

/* Room in every level for the whole blocks of @n_values rows. */
static void
size_levels (McValueSummary *summary,
             guint           n_values)
{
  guint n_blocks = n_values / MC_VALUE_SUMMARY_BLOCK;

  for (guint k = 0; n_blocks >> k > 0; k++)
    {
      g_ptr_array_add (summary->levels, g_array_new (FALSE, FALSE, sizeof (Block)));
      g_array_set_size (level (summary, k), n_blocks >> k);
    }
}

/* Block @index of level @k (above 0), from the two below it. */
static void
fill_block (McValueSummary *summary,
            guint           k,
            guint           index)
{
  const Block *below = (const Block *) (gpointer) level (summary, k - 1)->data;
  Block *block = &g_array_index (level (summary, k), Block, index);

  *block = below[2 * index];
  block_merge (block, &below[2 * index + 1]);
}

/* What one part of the rows found. */
typedef struct
{
  guint n_missing;
  guint n_descents;
  Block extremes;
} PartFound;

/* The blocks made by parts at once, each from its own share of the
 * blocks of level 0. */
typedef struct
{
  McValueSummary *summary;
  const double   *values;
  guint           n_blocks;
  PartFound       found[MC_PARALLEL_MAX_PARTS];
} Summarising;

/* The first block of level 0 of @part of @n_parts */
static guint
part_start (const Summarising *work,
            guint              part,
            guint              n_parts)
{
  return (guint64) work->n_blocks * part / n_parts;
}

/* A part makes its blocks of level 0, and those of the levels above that
 * are made of its blocks only. */
static void
summarise_part (guint    part,
                guint    n_parts,
                gpointer user_data)
{
  Summarising *work = user_data;
  McValueSummary *summary = work->summary;
  guint first = part_start (work, part, n_parts);
  guint last = part_start (work, part + 1, n_parts);
  Block *blocks = (Block *) (gpointer) level (summary, 0)->data;
  McValueSummary counts = { 0, };
  Block extremes = { G_MAXUINT, G_MAXUINT, NAN, NAN };

  for (guint i = first; i < last; i++)
    {
      blocks[i] = i == 0 ? scan_rows (&counts, work->values, 0, MC_VALUE_SUMMARY_BLOCK)
                         : scan_block (&counts, work->values, i * MC_VALUE_SUMMARY_BLOCK);
      block_merge (&extremes, &blocks[i]);
    }
  work->found[part] = (PartFound) { counts.n_missing, counts.n_descents, extremes };
  for (guint k = 1; k < summary->levels->len; k++)
    {
      guint span = 1u << k;

      for (guint index = (first + span - 1) / span; index < last / span; index++)
        fill_block (summary, k, index);
    }
}

/* The blocks above level 0 that no part made: those across the start
 * of a part, level after level. */
static void
fill_blocks_across_parts (Summarising *work,
                          guint        n_parts)
{
  McValueSummary *summary = work->summary;

  for (guint k = 1; k < summary->levels->len; k++)
    for (guint part = 1; part < n_parts; part++)
      {
        guint start = part_start (work, part, n_parts);

        if (start % (1u << k) != 0 && start >> k < level (summary, k)->len)
          fill_block (summary, k, start >> k);
      }
}

/* Each part makes the blocks of its share of the rows, then this thread
 * the few blocks across two parts. */
McValueSummary *
mc_value_summary_new_in_parts (const double *values,
                               guint         n_values,
                               guint         n_parts)
{
  McValueSummary *summary = summary_alloc ();
  Summarising work = { summary, values, n_values / MC_VALUE_SUMMARY_BLOCK };
  Block extremes = { G_MAXUINT, G_MAXUINT, NAN, NAN };

  size_levels (summary, n_values);
  if (work.n_blocks > 0)
    {
      n_parts = CLAMP (n_parts, 1, MIN (work.n_blocks, MC_PARALLEL_MAX_PARTS));
      mc_parallel_run (n_parts, summarise_part, &work);
      /* In the order of the rows: the first extreme wins a tie. */
      for (guint part = 0; part < n_parts; part++)
        {
          summary->n_missing += work.found[part].n_missing;
          summary->n_descents += work.found[part].n_descents;
          block_merge (&extremes, &work.found[part].extremes);
        }
      fill_blocks_across_parts (&work, n_parts);
    }
  summary->tail = scan_rows (summary, values, work.n_blocks * MC_VALUE_SUMMARY_BLOCK, n_values);
  block_merge (&extremes, &summary->tail);
  if (extremes.low != G_MAXUINT)
    {
      summary->min = extremes.low_value;
      summary->max = extremes.high_value;
    }
  summary->n_values = n_values;
  return summary;
}

McValueSummary *
mc_value_summary_new_for_values (const double *values,
                                 guint         n_values)
{
  guint n_parts = n_values >= PARALLEL_VALUES ? mc_parallel_count_parts (MC_PARALLEL_MAX_PARTS) : 1;

  return mc_value_summary_new_in_parts (values, n_values, n_parts);
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

/* The highest level whose block starts at @row and ends by @to, -1 for
 * none. Each condition that fails at one level fails at every higher
 * one: the highest that @row's alignment and the length allow is tried
 * first, then lower ones until the block is a whole one. */
static int
fitting_level (const McValueSummary *summary,
               guint                 row,
               guint                 to)
{
  guint blocks = row / MC_VALUE_SUMMARY_BLOCK;
  guint length = (to - row) / MC_VALUE_SUMMARY_BLOCK;
  int k;

  if (row % MC_VALUE_SUMMARY_BLOCK != 0 || length == 0 || summary->levels->len == 0)
    return -1;
  k = MIN ((int) summary->levels->len - 1, (int) g_bit_storage (length) - 1);
  if (blocks != 0)
    k = MIN (k, (int) g_bit_nth_lsf (blocks, -1));
  while (k >= 0 && row / level_rows (k) >= level (summary, k)->len)
    k--;
  return k;
}

void
mc_value_summary_extremes (const McValueSummary *summary,
                           const double         *values,
                           guint                 from,
                           guint                 to,
                           guint                *low,
                           guint                *high)
{
  Block found = { G_MAXUINT, G_MAXUINT, NAN, NAN };
  guint row = from;

  if (summary->progression && from < to)
    {
      *low = summary->step >= 0 ? from : to - 1;
      *high = summary->step > 0 ? to - 1 : from;
      return;
    }
  while (row < to)
    {
      int k = fitting_level (summary, row, to);

      if (k >= 0)
        {
          block_merge (&found, &g_array_index (level (summary, k), Block, row / level_rows (k)));
          row += level_rows (k);
          continue;
        }
      if (!isnan (values[row]))
        {
          Block point = { row, row, values[row], values[row] };

          block_merge (&found, &point);
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
  Block *block;

  if (index >= level (summary, k)->len)
    return;
  block = &g_array_index (level (summary, k), Block, index);
  if (k == 0)
    {
      McValueSummary scratch = { 0, };

      *block = scan_rows (&scratch, values, index * MC_VALUE_SUMMARY_BLOCK,
                          (index + 1) * MC_VALUE_SUMMARY_BLOCK);
      return;
    }
  *block = g_array_index (level (summary, k - 1), Block, 2 * index);
  block_merge (block, &g_array_index (level (summary, k - 1), Block, 2 * index + 1));
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
  guint tail_start, low, high;

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

  mc_value_summary_extremes (summary, values, 0, summary->n_values, &low, &high);
  summary->min = low != G_MAXUINT ? values[low] : NAN;
  summary->max = high != G_MAXUINT ? values[high] : NAN;
}
