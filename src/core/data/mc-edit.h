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
  MC_EDIT_ERROR_CHART,      /* no such chart, or no such place for one */
  MC_EDIT_ERROR_DUPLICATE,  /* an id another column or chart has */
  MC_EDIT_ERROR_CHECK,      /* the document's check refused the result */
} McEditError;

/* The texts of a dataset. */
typedef enum
{
  MC_DATASET_TEXT_TITLE,
  MC_DATASET_TEXT_DESCRIPTION,
  MC_DATASET_TEXT_SOURCE_NAME,
  MC_DATASET_TEXT_SOURCE_URL,
  MC_DATASET_TEXT_SOURCE_DATE,
} McDatasetText;

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
McEdit      *mc_edit_new_set_written_value (guint           row,
                                         const char        *column_id,
                                         double             value,
                                         int                decimals);
McEdit      *mc_edit_new_set_date       (guint              row,
                                         const char        *column_id,
                                         double             days,
                                         McDatePrecision    precision);
McEdit      *mc_edit_new_set_string     (guint              row,
                                         const char        *column_id,
                                         const char        *value);
McEdit      *mc_edit_new_set_missing    (guint              row,
                                         const char        *column_id);
McEdit      *mc_edit_new_insert_rows    (guint              index,
                                         guint              n_rows);
McEdit      *mc_edit_new_remove_rows    (guint              index,
                                         guint              n_rows);
McEdit      *mc_edit_new_move_rows      (guint              index,
                                         guint              n_rows,
                                         guint              to);
McEdit      *mc_edit_new_set_estimate   (guint              row,
                                         const char        *column_id,
                                         gboolean           estimate);
McEdit      *mc_edit_new_set_note       (guint              row,
                                         const char        *column_id,
                                         const char        *note);

/* Edits of columns (mc-edit-columns.c). */
McEdit      *mc_edit_new_insert_column  (guint              index,
                                         const char        *id,
                                         const char        *label,
                                         McColumnType       type);
McEdit      *mc_edit_new_remove_column  (const char        *id);
McEdit      *mc_edit_new_move_column    (const char        *id,
                                         guint              to);
McEdit      *mc_edit_new_set_column_label (const char      *id,
                                         const char        *label);
McEdit      *mc_edit_new_set_column_unit (const char       *id,
                                         const char        *unit);
McEdit      *mc_edit_new_set_column_scale (const char      *id,
                                         McScale            scale);
McEdit      *mc_edit_new_replace_column (McColumn          *column,
                                         const char        *label);

/* Edits of charts (mc-edit-charts.c). */
McEdit      *mc_edit_new_add_chart      (guint              index,
                                         const McChartSpec *spec,
                                         const char        *label);
McEdit      *mc_edit_new_remove_chart   (const char        *id);
McEdit      *mc_edit_new_move_chart     (const char        *id,
                                         guint              to);
McEdit      *mc_edit_new_set_chart      (const McChartSpec *spec,
                                         const char        *label);
McEdit      *mc_edit_new_set_chart_option (const char      *chart_id,
                                         const char        *key,
                                         GVariant          *value,
                                         const char        *label);

/* Edits of the dataset's texts, and groups (mc-edit-dataset.c). */
McEdit      *mc_edit_new_set_dataset_text (McDatasetText    field,
                                         const char        *value);
McEdit      *mc_edit_new_group          (GPtrArray         *edits,
                                         const char        *label);

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
