/* mc-table-view.h: the rows and columns of a dataset as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-dataset.h"
#include "mc-document.h"

G_BEGIN_DECLS

#define MC_TYPE_TABLE_VIEW (mc_table_view_get_type ())
G_DECLARE_FINAL_TYPE (McTableView, mc_table_view, MC, TABLE_VIEW, GtkWidget)

GtkWidget  *mc_table_view_new          (void);
McDataset  *mc_table_view_get_dataset  (McTableView *self);
void        mc_table_view_set_dataset  (McTableView *self,
                                        McDataset   *dataset);
/* Editing: the table shows the document's dataset and changes it through
 * edits. It reports a refused edit with ::error (heading, message). */
McDocument *mc_table_view_get_document (McTableView *self);
void        mc_table_view_set_document (McTableView *self,
                                        McDocument  *document);
void        mc_table_view_report_error (McTableView *self,
                                        const char  *heading,
                                        const char  *message);

G_END_DECLS
