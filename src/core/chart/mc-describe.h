/* mc-describe.h: a short summary of a chart for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-chart-model.h"
#include "mc-marks.h"

G_BEGIN_DECLS

char  *mc_chart_describe  (McChartModel  *chart,
                           McMarks       *marks);

G_END_DECLS
