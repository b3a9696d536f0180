/* mc-default-chart.h: the chart a dataset without declared charts gets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-dataset.h"

G_BEGIN_DECLS

/* Adds the default chart, or a warning naming @name when the columns
 * allow none. */
void  mc_default_chart_add  (McDataset   *dataset,
                             const char  *name);

G_END_DECLS
