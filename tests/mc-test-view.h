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

/* Charts for the tests: a bundled dataset, one of its charts, a spec of
 * x and y (y: column ids separated by commas). */
McDataset     *mc_test_bundled       (const char     *id);
McChartModel  *mc_test_bundled_chart (McDataset      *dataset,
                                      const char     *chart_id);
void           mc_test_set_columns   (McChartSpec    *spec,
                                      const char     *key,
                                      const char     *columns);
McChartSpec   *mc_test_spec_new      (const char     *id,
                                      const char     *type,
                                      const char     *x,
                                      const char     *y);

/* Renders into an image of @width × @height at @scale, or only lays out
 * (a recording surface is enough for the text boxes). */
cairo_surface_t *mc_test_render_image (McChartModel  *chart,
                                      double          width,
                                      double          height,
                                      double          scale,
                                      gboolean        dark);
void           mc_test_render_layout (McChartModel   *chart,
                                      double          width,
                                      double          height,
                                      gboolean        dark);

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
 * the canvas or overlaps another, or a label under an axis comes into
 * the outer padding. */
void             mc_test_view_check_texts (McChartModel *chart,
                                           double        width,
                                           double        height,
                                           const char   *what);
/* How many texts of the last render are in @role. */
guint            mc_test_view_count_boxes (McChartModel *chart,
                                           McTextRole    role);
/* The same, and the title and the source are there. */
void             mc_test_check_layout     (McChartModel *chart,
                                           double        width,
                                           double        height,
                                           const char   *what);

/* The same at every size of mc_test_layout_sizes, in both themes. */
void           mc_test_check_layouts (McChartModel   *chart,
                                      const char     *what);

/* Golden images: whether they can be compared here, and the comparison
 * of every chart of @dataset with its image at 800 × 500 (or, with
 * @update, the images drawn anew). */
gboolean       mc_test_golden_ready  (gboolean        update);
void           mc_test_compare_golden_charts (McDataset *dataset,
                                      gboolean        update);

typedef struct
{
  double width;
  double height;
} Size;

/* The sizes every chart is laid out at, from 100 × 100 to 4000 × 3000. */
extern const Size mc_test_layout_sizes[];
#define MC_TEST_N_LAYOUT_SIZES 10

G_END_DECLS
