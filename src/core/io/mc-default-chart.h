/* mc-default-chart.h: the chart a dataset without declared charts gets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-dataset.h"

G_BEGIN_DECLS

/* Adds the default chart, or a warning naming @name when the columns
 * allow none. */
void          mc_default_chart_add  (McDataset   *dataset,
                                     const char  *name);
/* A new chart for @dataset, as a file without charts gets, with an id
 * no chart of @dataset has ("chart", "chart-2", …); NULL when the
 * columns allow none. */
McChartSpec  *mc_default_chart_new  (McDataset   *dataset);

G_END_DECLS
