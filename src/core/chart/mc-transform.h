/* mc-transform.h: the rows a chart draws, as its spec transforms them
 *
 * A chart may draw fewer rows than its dataset has ("filter" and
 * "filter_values"), date them by a year and a month column ("month"), or
 * combine the rows of each x (and series) into one ("aggregate"). The
 * result is a table of its own, made when the chart's model is made:
 * the dataset is never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-chart-kind.h"

G_BEGIN_DECLS

typedef enum
{
  MC_AGGREGATE_NONE,
  MC_AGGREGATE_SUM,
  MC_AGGREGATE_MEAN,
  MC_AGGREGATE_MEDIAN,
  MC_AGGREGATE_COUNT,
  MC_AGGREGATE_FIRST,
  MC_AGGREGATE_LAST,
} McAggregate;

McAggregate  mc_transform_get_aggregate  (const McChartSpec  *spec);

/* Checks the transforms of @spec against @dataset: every value of
 * "filter_values" is found in its column, "month" holds months and "x"
 * years, "top" is a whole number. */
gboolean     mc_transform_check          (const McChartSpec  *spec,
                                          McDataset          *dataset,
                                          const char         *x_id,
                                          McSpecProblem      *problem,
                                          GError            **error);

/* Whether the spec's filter keeps @row (TRUE without a filter). For
 * checks that look at the rows a chart draws. */
typedef struct _McRowFilter McRowFilter;

McRowFilter *mc_row_filter_new           (const McChartSpec  *spec,
                                          McDataset          *dataset);
gboolean     mc_row_filter_keeps         (const McRowFilter  *filter,
                                          guint               row);
void         mc_row_filter_free          (McRowFilter        *filter);

/* The first row of @dataset whose cell of column @column_id reads as
 * @text, as "filter_values" match: "2024" is the first row in 2024. */
gboolean     mc_transform_find_row       (McDataset          *dataset,
                                          const char         *column_id,
                                          const char         *text,
                                          guint              *row);

/* How the rows of a table mc_transform_apply() made come from the
 * dataset's: what mc_transform_mend() needs to mend the table after an
 * edit rather than make it again. */
typedef struct _McTableOrigin McTableOrigin;

McTableOrigin *mc_table_origin_ref       (McTableOrigin      *origin);
void         mc_table_origin_unref       (McTableOrigin      *origin);

/* The table the chart draws: @dataset itself (a new reference) when the
 * spec transforms nothing, else a new dataset. @x_id is the chart's x
 * column. @origin, if not NULL, gets how the table's rows come from the
 * dataset's when mc_transform_mend() can mend it: some of the rows as
 * they are (a filter alone), or the rows of each x and series combined
 * (an aggregate, without a filter or a month); else NULL. Call after
 * mc_transform_check(). */
McDataset   *mc_transform_apply          (const McChartSpec  *spec,
                                          McDataset          *dataset,
                                          const char         *x_id,
                                          McTableOrigin     **origin);
/* The table of mc_transform_apply() after @change, an edit of one cell
 * of @dataset, made from @before, the table of @origin before the edit:
 * of a filter's rows, the cell changed in a copy when its row is one
 * of them; of an aggregate, its group's value combined again, in a
 * copy. @before itself when the edit changes none of its cells.
 * @changed gets the change in the table's rows and columns (none of
 * them when not one). Returns the table (transfer full), NULL when it
 * must be made again: an edit of the filter's column, of x or of the
 * series, or one that makes a combined value missing or present, or
 * an estimate or not. */
McDataset   *mc_transform_mend           (const McChartSpec  *spec,
                                          McDataset          *before,
                                          McTableOrigin      *origin,
                                          McDataset          *dataset,
                                          const McChange     *change,
                                          McChange           *changed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McTableOrigin, mc_table_origin_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McRowFilter, mc_row_filter_free)

G_END_DECLS
