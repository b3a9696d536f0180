/* mc-test-view.h: a chart as a view shows it, for the tests: the view's
 * options and the marks of its last render, kept with the chart model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-chart.h"

G_BEGIN_DECLS

/* The options the test's view shows @chart with (hidden series, a zoom
 * window, a highlight), made on first use. */
McViewOptions *mc_test_view_options  (McChartModel   *chart);
/* Renders @chart with its test options and keeps the result. */
McMarks       *mc_test_view_render   (McChartModel   *chart,
                                      cairo_t        *cr,
                                      double          width,
                                      double          height,
                                      const McTheme  *theme);
/* The marks of the last mc_test_view_render(), or NULL. */
McMarks       *mc_test_view_marks    (McChartModel   *chart);

/* The first text of the last render in @role, and reading @text when it
 * is not NULL; or NULL. */
const McTextBox *mc_test_view_find_box    (McChartModel *chart,
                                           McTextRole    role,
                                           const char   *text);
/* Renders @chart in the light theme on a new image. */
cairo_surface_t *mc_test_view_draw        (McChartModel *chart,
                                           int           width,
                                           int           height);
/* Fails the test, naming @what, when a text of the last render leaves
 * the canvas or overlaps another. */
void             mc_test_view_check_texts (McChartModel *chart,
                                           double        width,
                                           double        height,
                                           const char   *what);
/* How many texts of the last render are in @role. */
guint            mc_test_view_count_boxes (McChartModel *chart,
                                           McTextRole    role);

G_END_DECLS
