/* mc-table-view.h: the rows and columns of a dataset as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-dataset.h"

G_BEGIN_DECLS

#define MC_TYPE_TABLE_VIEW (mc_table_view_get_type ())
G_DECLARE_FINAL_TYPE (McTableView, mc_table_view, MC, TABLE_VIEW, GtkWidget)

GtkWidget  *mc_table_view_new          (void);
McDataset  *mc_table_view_get_dataset  (McTableView *self);
void        mc_table_view_set_dataset  (McTableView *self,
                                        McDataset   *dataset);

G_END_DECLS
