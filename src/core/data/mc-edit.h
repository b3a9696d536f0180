/* mc-edit.h: a change to a dataset that can apply and revert itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-change.h"
#include "mc-dataset.h"

G_BEGIN_DECLS

#define MC_EDIT_ERROR (mc_edit_error_quark ())

typedef enum
{
  MC_EDIT_ERROR_ROW,        /* no such row */
  MC_EDIT_ERROR_COLUMN,     /* no such column */
  MC_EDIT_ERROR_TYPE,       /* a value of another type than its column's */
  MC_EDIT_ERROR_VALUE,      /* a value its column cannot hold */
} McEditError;

typedef struct _McEdit McEdit;

/* What an edit of one kind does with its data. apply() checks the dataset
 * first and fails without touching it; revert() is only called on the
 * dataset as apply() left it, so it cannot fail. merge() is optional: it
 * may fold @next, an edit of the same kind applied right after, into
 * @data, so that both are one step of the history. */
typedef struct
{
  gboolean   (*apply)  (gpointer        data,
                        McDataset      *dataset,
                        McChange       *change,
                        GError        **error);
  void       (*revert) (gpointer        data,
                        McDataset      *dataset,
                        McChange       *change);
  gboolean   (*merge)  (gpointer        data,
                        gconstpointer   next);
  void       (*free)   (gpointer        data);
} McEditClass;

GQuark       mc_edit_error_quark        (void);

/* Edits of cells and rows. */
McEdit      *mc_edit_new_set_value      (guint              row,
                                         const char        *column_id,
                                         double             value);
McEdit      *mc_edit_new_set_string     (guint              row,
                                         const char        *column_id,
                                         const char        *value);
McEdit      *mc_edit_new_set_missing    (guint              row,
                                         const char        *column_id);
McEdit      *mc_edit_new_insert_rows    (guint              index,
                                         guint              n_rows);
McEdit      *mc_edit_new_remove_rows    (guint              index,
                                         guint              n_rows);

/* Any edit. */
McEdit      *mc_edit_new                (const McEditClass *klass,
                                         const char        *label,
                                         gpointer           data);
McEdit      *mc_edit_ref                (McEdit            *edit);
void         mc_edit_unref              (McEdit            *edit);
const char  *mc_edit_get_label          (McEdit            *edit);
gboolean     mc_edit_get_applied        (McEdit            *edit);
gboolean     mc_edit_apply              (McEdit            *edit,
                                         McDataset         *dataset,
                                         McChange          *change,
                                         GError           **error);
void         mc_edit_revert             (McEdit            *edit,
                                         McDataset         *dataset,
                                         McChange          *change);
gboolean     mc_edit_merge              (McEdit            *edit,
                                         McEdit            *next);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McEdit, mc_edit_unref)

G_END_DECLS
