/* mc-chart-view.h: the interactive chart: hover values, keyboard walking,
 * legend toggling, zooming time axes, colour vision previews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-chart.h"
#include "mc-theme.h"
#include "mc-vision.h"

G_BEGIN_DECLS

#define MC_TYPE_CHART_VIEW (mc_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (McChartView, mc_chart_view, MC, CHART_VIEW, GtkWidget)

GtkWidget     *mc_chart_view_new             (void);

McChartModel  *mc_chart_view_get_chart       (McChartView  *self);
void           mc_chart_view_set_chart       (McChartView  *self,
                                              McChartModel *chart);
McVision       mc_chart_view_get_vision      (McChartView  *self);
void           mc_chart_view_set_vision      (McChartView  *self,
                                              McVision      vision);
/* The theme follows the style of the widget: dark when its text is light. */
gboolean       mc_chart_view_get_dark        (McChartView  *self);
const McTheme *mc_chart_view_get_theme       (McChartView  *self);

/* Drops the cached rendering after the chart was changed from outside. */
void           mc_chart_view_invalidate      (McChartView  *self);

/* What the view shows of its chart (hidden series, the zoom window), for
 * an export or a copy of the chart as it is shown. */
const McViewOptions *mc_chart_view_get_options (McChartView  *self);
gboolean       mc_chart_view_get_series_visible (McChartView *self,
                                              guint         series);
void           mc_chart_view_set_series_visible (McChartView *self,
                                              guint         series,
                                              gboolean      visible);

/* The mark under the pointer or chosen with the keyboard: its text as
 * shown beside it ("Tencent Cloud\nInvestment: USD 70 bn"), or NULL. */
const char    *mc_chart_view_get_hovered     (McChartView  *self);
gboolean       mc_chart_view_get_hovered_hit (McChartView  *self,
                                              McChartHit   *hit);
/* What lies under (@x, @y) in widget coordinates. */
gboolean       mc_chart_view_get_hit_at      (McChartView  *self,
                                              double        x,
                                              double        y,
                                              McChartHit   *hit);

/* Zooming (lines and areas over time or numbers). */
gboolean       mc_chart_view_get_zoomed      (McChartView  *self);
gboolean       mc_chart_view_get_x_window    (McChartView  *self,
                                              double       *min,
                                              double       *max);
/* Zooms by @factor (> 1 in, < 1 out) keeping the x value under @x (in
 * widget coordinates; NAN for the middle) where it is. */
void           mc_chart_view_zoom            (McChartView  *self,
                                              double        factor,
                                              double        x);
/* Moves the window by @dx pixels of the plot (positive: later values). */
void           mc_chart_view_pan             (McChartView  *self,
                                              double        dx);
void           mc_chart_view_reset_zoom      (McChartView  *self);

/* What the last render drew where, or NULL before the first. */
McMarks       *mc_chart_view_get_marks       (McChartView  *self);

/* How often the chart was drawn by the renderer, for tests of the cache. */
guint          mc_chart_view_get_n_renders   (McChartView  *self);
/* The wall time all those renders took, in microseconds: how much of a
 * frame the chart's own drawing is, for bench/redraw. */
gint64         mc_chart_view_get_render_time (McChartView  *self);

G_END_DECLS
