/* mc-column-convert.c: a column read again as another type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-column-convert.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-cell-input.h"
#include "mc-table-builder.h"
#include "mc-writer.h"

static void
report_row (gpointer        user_data,
            guint           column,
            McLoaderError   code,
            const char     *message,
            GError        **error)
{
  guint row = *(guint *) user_data;

  g_set_error (error, MC_CELL_INPUT_ERROR, MC_CELL_INPUT_ERROR_INVALID,
               /* Translators: a cell that does not convert to a column's new
                * type: the row, counted from 1, and what is wrong */
               _("Row %u: %s"), row + 1, message);
}

static void
copy_annotations (McColumn       *to,
                  const McColumn *from)
{
  for (guint row = 0; mc_column_has_annotations (from) && row < mc_column_get_n_rows (from); row++)
    if (mc_column_is_estimate (from, row) || mc_column_get_note (from, row) != NULL)
      mc_column_set_annotation (to, row, mc_column_is_estimate (from, row),
                                mc_column_get_note (from, row));
}

McColumn *
mc_column_convert (const McColumn  *column,
                   McColumnType     type,
                   GError         **error)
{
  g_autoptr(McDataset) scratch = mc_dataset_new ("convert");
  g_autoptr(McTableBuilder) builder = NULL;
  McColumn *converted;
  guint row = 0;

  g_return_val_if_fail (column != NULL, NULL);

  converted = mc_column_new (mc_column_get_id (column), mc_column_get_label (column), type);
  mc_column_set_unit (converted, mc_column_get_unit (column));
  mc_column_set_scale (converted, mc_column_get_scale (column));
  mc_column_set_description (converted, mc_column_get_description (column));
  mc_dataset_add_column (scratch, converted);
  builder = mc_table_builder_new_for_dataset (scratch, "convert");
  mc_table_builder_set_reporter (builder, report_row, &row);
  for (; row < mc_column_get_n_rows (column); row++)
    {
      g_autofree char *text = mc_writer_cell_text (column, row);

      if (!mc_table_builder_append_cell (builder, 0, text, strlen (text), error))
        return NULL;
    }
  mc_table_builder_finish (builder);
  copy_annotations (converted, column);
  return mc_dataset_steal_column (scratch, 0);
}
