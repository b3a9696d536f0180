/* mc-window.h: the main window, a sidebar of datasets and the selected one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-chart-model.h"
#include "mc-dataset.h"
#include "mc-document.h"
#include "mc-export.h"

G_BEGIN_DECLS

#define MC_TYPE_WINDOW (mc_window_get_type ())
G_DECLARE_FINAL_TYPE (McWindow, mc_window, MC, WINDOW, AdwApplicationWindow)

McWindow           *mc_window_new                    (GtkApplication *application);

/* The documents in the sidebar (McDocument): the bundled datasets, then
 * the opened files and pasted tables. */
GListModel         *mc_window_get_documents          (McWindow       *self);
McDocument         *mc_window_get_selected_document  (McWindow       *self);
McDataset          *mc_window_get_selected_dataset   (McWindow       *self);
void                mc_window_select_dataset         (McWindow       *self,
                                                      guint           position);

/* The chart on the chart page, or NULL when the selected dataset has none
 * or it cannot be drawn. */
McChartModel       *mc_window_get_chart              (McWindow       *self);
void                mc_window_select_chart           (McWindow       *self,
                                                      guint           index);

/* Adds @dataset to the sidebar and selects it; a dataset loaded from the
 * same file as one already listed replaces its data. */
void                mc_window_add_dataset            (McWindow       *self,
                                                      McDataset      *dataset);

/* Loads @file in a thread, then adds it, watches it for changes and
 * remembers it among the recent files. A file that cannot be loaded is
 * reported in a toast, and the window stays as it was. */
void                mc_window_open_file              (McWindow       *self,
                                                      GFile          *file);

/* Saves @document to @file, or to its own file with @file NULL (see
 * mc_document_manager_save()); a toast says so. */
gboolean            mc_window_save_document          (McWindow       *self,
                                                      McDocument     *document,
                                                      GFile          *file,
                                                      GError        **error);
/* Puts back the edits of the drafts a crash left (see McDraftKeeper). */
void                mc_window_restore_drafts         (McWindow       *self);
/* Writes every chart of the dataset shown: a PDF report at @target, or
 * a file per chart in the folder @target. */
void                mc_window_export_all             (McWindow       *self,
                                                      GFile          *target,
                                                      gboolean        report,
                                                      McExportFormat  format);

/* A print operation for the current chart, fitted to the page; NULL when
 * no chart is shown. */
GtkPrintOperation  *mc_window_create_print_operation (McWindow       *self);

G_END_DECLS
