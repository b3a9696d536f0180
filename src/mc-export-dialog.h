/* mc-export-dialog.h: export a chart to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-chart-model.h"
#include "mc-export.h"

G_BEGIN_DECLS

#define MC_TYPE_EXPORT_DIALOG (mc_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McExportDialog, mc_export_dialog, MC, EXPORT_DIALOG, AdwWindow)

/* A dialog for @chart, showing what @view shows of it (hidden series).
 * @settings (nullable) holds the options last used, and receives the new
 * ones on export. */
McExportDialog  *mc_export_dialog_new          (GtkWindow              *parent,
                                                McChartModel           *chart,
                                                const McViewOptions    *view,
                                                GSettings              *settings);
McChartModel    *mc_export_dialog_get_chart    (McExportDialog         *self);

McExportFormat   mc_export_dialog_get_format   (McExportDialog         *self);
void             mc_export_dialog_set_format   (McExportDialog         *self,
                                                McExportFormat          format);
void             mc_export_dialog_get_options  (McExportDialog         *self,
                                                McExportOptions        *options);
void             mc_export_dialog_set_options  (McExportDialog         *self,
                                                const McExportOptions  *options);
/* The options of the last export that @settings keep; @family when none
 * was chosen. */
void             mc_export_dialog_load_options (GSettings              *settings,
                                                const char             *family,
                                                McExportOptions        *options);

/* Writes the chart to @file with the dialog's options, in a thread, and
 * emits ::finished. The "Export…" button calls it with the file chosen. */
void             mc_export_dialog_export       (McExportDialog         *self,
                                                GFile                  *file);

G_END_DECLS
