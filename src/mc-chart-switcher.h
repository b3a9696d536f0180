/* mc-chart-switcher.h: the charts of a dataset at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Up to this many charts are a row of linked buttons; more are a list. */
#define MC_CHART_SWITCHER_MAX_BUTTONS 5

#define MC_TYPE_CHART_SWITCHER (mc_chart_switcher_get_type ())
G_DECLARE_FINAL_TYPE (McChartSwitcher, mc_chart_switcher, MC, CHART_SWITCHER, GtkWidget)

GtkWidget   *mc_chart_switcher_new           (void);
/* Offers the charts of @titles (NULL-terminated) with @selected chosen,
 * without notifying "selected". The buttons show @names (nullable, as
 * many), the short titles of charts whose titles are sentences; the
 * list, tooltips and screen readers the titles. One chart or none offers
 * no choice: the switcher hides. */
void         mc_chart_switcher_set_titles    (McChartSwitcher     *self,
                                              const char * const  *titles,
                                              const char * const  *names,
                                              guint                selected);
guint        mc_chart_switcher_get_n_charts  (McChartSwitcher     *self);
/* The chart chosen; GTK_INVALID_LIST_POSITION when there is none. */
guint        mc_chart_switcher_get_selected  (McChartSwitcher     *self);
void         mc_chart_switcher_set_selected  (McChartSwitcher     *self,
                                              guint                selected);
/* TRUE when the charts are buttons, FALSE when they are a list. */
gboolean     mc_chart_switcher_get_buttons   (McChartSwitcher     *self);

G_END_DECLS
