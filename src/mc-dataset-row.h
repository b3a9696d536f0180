/* mc-dataset-row.h: a dataset in the sidebar, with its title and description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-dataset.h"
#include "mc-document.h"

G_BEGIN_DECLS

#define MC_TYPE_DATASET_ROW (mc_dataset_row_get_type ())
G_DECLARE_FINAL_TYPE (McDatasetRow, mc_dataset_row, MC, DATASET_ROW, GtkWidget)

GtkWidget  *mc_dataset_row_new          (void);
McDataset  *mc_dataset_row_get_dataset  (McDatasetRow *self);
void        mc_dataset_row_set_dataset  (McDatasetRow *self,
                                         McDataset    *dataset);
void        mc_dataset_row_set_document (McDatasetRow *self,
                                         McDocument   *document);

G_END_DECLS
