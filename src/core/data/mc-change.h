/* mc-change.h: what an edit changed in a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MC_CHANGE_CELLS,          /* values or annotations of cells */
  MC_CHANGE_ROWS_INSERTED,
  MC_CHANGE_ROWS_REMOVED,
  MC_CHANGE_COLUMNS,        /* columns added, removed or redefined */
  MC_CHANGE_CHARTS,
  MC_CHANGE_METADATA,       /* title, description, source */
  MC_CHANGE_ALL,            /* the dataset was replaced */
} McChangeWhat;

/* What an edit changed, so that a table view can update one row and a
 * chart view re-render once. A value: copy it to keep it. Fields that do
 * not apply to @what are 0 (rows) or -1 (indexes). */
typedef struct
{
  McChangeWhat what;
  guint        row;         /* CELLS, ROWS_*: the first row */
  guint        n_rows;      /* CELLS, ROWS_*: how many rows */
  int          column;      /* CELLS, COLUMNS: the column's index, -1 for several */
  int          chart;       /* CHARTS: the chart's index, -1 for several */
} McChange;

#define MC_TYPE_CHANGE (mc_change_get_type ())

GType        mc_change_get_type   (void) G_GNUC_CONST;
McChange    *mc_change_copy       (const McChange  *change);
void         mc_change_free       (McChange        *change);
gboolean     mc_change_equal      (const McChange  *a,
                                   const McChange  *b);
void         mc_change_union      (McChange        *change,
                                   const McChange  *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McChange, mc_change_free)

G_END_DECLS
