/* mc-chart-editor.h: the pane that shapes the chart on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-chart-model.h"
#include "mc-document.h"

G_BEGIN_DECLS

#define MC_TYPE_CHART_EDITOR (mc_chart_editor_get_type ())
G_DECLARE_FINAL_TYPE (McChartEditor, mc_chart_editor, MC, CHART_EDITOR, GtkWidget)

/* The editor changes the chart through edits of its document, one step of
 * the history each (typing in one field is one step); an edit the
 * document refuses is not made, and the editor says why. Its rows come
 * from the options its chart's kind takes (mc-chart-kind.h).
 *
 *   ::chart-added (id)  a chart it made (new, duplicated) should be shown */

GtkWidget    *mc_chart_editor_new            (void);
McDocument   *mc_chart_editor_get_document   (McChartEditor  *self);
const char   *mc_chart_editor_get_chart_id   (McChartEditor  *self);
/* Edits chart @chart_id of @document, which @model draws (NULL when it
 * cannot be drawn). Called again after each change, the rows keep their
 * place and focus unless the chart's kind or columns changed. */
void          mc_chart_editor_set_chart      (McChartEditor  *self,
                                              McDocument     *document,
                                              const char     *chart_id,
                                              McChartModel   *model);
/* The message of the last refused change, or NULL. */
const char   *mc_chart_editor_get_error      (McChartEditor  *self);
/* The row of option @key ("title", "type", "stacked", …), or NULL. */
GtkWidget    *mc_chart_editor_get_row        (McChartEditor  *self,
                                              const char     *key);

G_END_DECLS
