/* mc-table-view-private.h: what mc-table-view.c and mc-table-edit.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-table-view.h"

G_BEGIN_DECLS

struct _McTableView
{
  GtkWidget      parent_instance;

  McDataset     *dataset;
  McDocument    *document;       /* nullable: then the table only shows */
  GListModel    *rows;           /* McTableRows */
  GPtrArray     *columns;        /* McTableColumn, in the dataset's order */
  guint          focus_row;      /* the cell last focused */
  char          *focus_column;   /* its column's id, or NULL */

  GtkColumnView *column_view;
  GtkWidget     *scroller;
  GtkWidget     *toolbar;
};

/* What the cells of one column share. */
typedef struct
{
  McTableView *view;
  McColumn    *column;          /* owned by the dataset */
  int          decimals;        /* numbers: the same for the whole column */
  gboolean     has_estimates;   /* numbers: reserve room for the "(Est.)" mark */
  int          wrap_chars;      /* texts: the width they wrap at */
} McTableColumn;

/* mc-table-view.c */
/* The row a cell widget shows. */
guint        mc_table_view_cell_row          (GtkWidget        *cell);

/* mc-table-edit.c */
void         mc_table_edit_class_init        (GtkWidgetClass   *widget_class);
/* Makes @cell of @column editable: Enter, F2 or a double click edits
 * it, Delete empties it, the context menu does the rest. */
void         mc_table_edit_setup_cell        (McTableView      *self,
                                              GtkWidget        *cell,
                                              McTableColumn    *column);
/* The menu of a column's header: rename, type, unit, scale, add, move,
 * delete. */
GMenuModel  *mc_table_edit_column_menu       (McTableView      *self,
                                              McColumn         *column);
/* Applies @edit (transfer full) to the document; a refused edit is
 * reported with ::error. */
gboolean     mc_table_edit_apply             (McTableView      *self,
                                              McEdit           *edit);

G_END_DECLS
