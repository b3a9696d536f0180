/* mc-chart-error.h: the errors of a chart that cannot be drawn
 *
 * Apart from mc-chart-kind.h so that the modules the kinds rely on
 * (annotations, say) can report errors without depending on the kinds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MC_CHART_ERROR (mc_chart_error_quark ())

typedef enum
{
  MC_CHART_ERROR_COLUMN,     /* a column is missing or has the wrong type */
  MC_CHART_ERROR_NEGATIVE,   /* a pie with negative values */
  MC_CHART_ERROR_NO_DATA,    /* nothing to draw */
  MC_CHART_ERROR_INVALID,    /* a combination the chart kind can't draw */
} McChartError;

GQuark mc_chart_error_quark (void);

G_END_DECLS
