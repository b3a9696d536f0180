/* mc-render.h: draws one chart on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mc-chart-model.h"
#include "mc-marks.h"
#include "mc-theme.h"
#include "mc-view-options.h"

G_BEGIN_DECLS

/* Draws the whole chart into the rectangle (0, 0, @width, @height) of
 * @cr, in user units (CSS pixels); any device scale works. */
McMarks   *mc_chart_render   (McChartModel         *chart,
                              const McViewOptions  *options,
                              cairo_t              *cr,
                              double                width,
                              double                height,
                              const McTheme        *theme);

G_END_DECLS
