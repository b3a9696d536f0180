/* mc-chart-model.h: one chart of a dataset, prepared for drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mc-chart-kind.h"
#include "mc-dataset.h"
#include "mc-theme.h"

G_BEGIN_DECLS

/* A chart model is the data of one chart, prepared by its kind: its
 * series, categories and colours. It does not change once made, so the
 * window, an export, the clipboard and a printout can share one; what a
 * view shows of it (hidden series, a zoom window, a highlight) are the
 * view's options, passed to each render (see mc-view-options.h). */
#define MC_TYPE_CHART_MODEL (mc_chart_model_get_type ())
G_DECLARE_FINAL_TYPE (McChartModel, mc_chart_model, MC, CHART_MODEL, GObject)

McChartModel      *mc_chart_model_new              (McDataset          *dataset,
                                                    const McChartSpec  *spec,
                                                    GError            **error);
/* The model of @spec after an edit of @dataset, from @before's where it
 * can: see mc-chart-model.c. */
McChartModel      *mc_chart_model_new_edited       (McChartModel       *before,
                                                    McDataset          *dataset,
                                                    const McChartSpec  *spec,
                                                    const McChange     *change,
                                                    GError            **error);
McDataset         *mc_chart_model_get_dataset      (McChartModel       *model);
const McChartSpec *mc_chart_model_get_spec         (McChartModel       *model);
const McChartKind *mc_chart_model_get_kind         (McChartModel       *model);
/* The spec's title, or the dataset's. */
const char        *mc_chart_model_get_title        (McChartModel       *model);
/* The column of the x axis. */
const McColumn    *mc_chart_model_get_x_column     (McChartModel       *model);

/* Series: one per y column, or one per distinct value of the series
 * column of a long table. A pie has a single series. */
guint              mc_chart_model_get_n_series     (McChartModel       *model);
const char        *mc_chart_model_get_series_name  (McChartModel       *model,
                                                    guint               series);
void               mc_chart_model_get_series_color (McChartModel       *model,
                                                    guint               series,
                                                    const McTheme      *theme,
                                                    McColor            *color);
/* The names the spec's "colors" and "highlight" options name: the
 * categories or the series, as the chart is coloured (mc-chart-prepare.c). */
char             **mc_chart_model_list_color_names (McChartModel   *model);
char             **mc_chart_model_list_highlight_names (McChartModel *model);
gboolean           mc_chart_model_get_name_color   (McChartModel       *model,
                                                    const char         *name,
                                                    guint              *color);
/* Whether series can be hidden: not the slices of a pie, one whole. */
gboolean           mc_chart_model_can_hide_series  (McChartModel       *model);

/* Zooming: lines and areas over a time or number axis with more than one
 * x value. */
gboolean           mc_chart_model_can_zoom         (McChartModel       *model);
/* The x range of all series, hidden ones included, so that hiding a
 * series doesn't move the limits of zooming. */
gboolean           mc_chart_model_get_x_extent     (McChartModel       *model,
                                                    double             *min,
                                                    double             *max);

G_END_DECLS
