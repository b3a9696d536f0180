/* mc-cell-input.h: what a person types in a cell, read as the loader
 * reads a cell of its column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-dataset.h"
#include "mc-edit.h"

G_BEGIN_DECLS

#define MC_CELL_INPUT_ERROR (mc_cell_input_error_quark ())

typedef enum
{
  MC_CELL_INPUT_ERROR_INVALID,   /* not a value of the column's type */
} McCellInputError;

/* A value of one column's type, or missing. */
typedef struct
{
  McColumnType     type;
  gboolean         missing;
  double           value;       /* numbers, dates (days), booleans (0, 1) */
  McDatePrecision  precision;   /* dates */
  char            *string;      /* strings */
  int              decimals;    /* numbers, as typed ("36.0": 1) */
} McCellInput;

GQuark    mc_cell_input_error_quark  (void);

/* Reads @text as a cell of @column: numbers as the locale writes them
 * ("1.234,5" in German) or as files do ("1234.5"), "17%" in a percent
 * column, dates in the forms the loader reads, true/false/yes/no; empty
 * text and markers such as "NA" are missing values. The error says what
 * the column expects and what it found. */
gboolean  mc_cell_input_read         (const McColumn  *column,
                                      const char      *text,
                                      McCellInput     *input,
                                      GError         **error);
void      mc_cell_input_clear        (McCellInput     *input);
/* A number alone, as typed for a chart option: the same rules. */
gboolean  mc_cell_input_read_number  (const char      *text,
                                      double          *value);
/* The edit that sets cell (@row, @column_id) to @input. */
McEdit   *mc_cell_input_make_edit    (const McCellInput *input,
                                      guint            row,
                                      const char      *column_id);
/* A block of cells copied from a spreadsheet (tab-separated, or CSV),
 * read into the columns from @column on, the rows from @row on: the edit
 * that sets them, adding rows at the end if the block needs them, as one
 * step. NULL, with an error naming the cell, if one does not fit. */
McEdit   *mc_cell_input_paste        (McDataset       *dataset,
                                      guint            row,
                                      guint            column,
                                      const char      *text,
                                      GError         **error);
/* The text of a cell to edit, which mc_cell_input_read() reads back as
 * the same value: numbers in full with the locale's decimal mark, dates
 * as files write them. */
char     *mc_cell_input_text         (const McColumn  *column,
                                      guint            row);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McCellInput, mc_cell_input_clear)

G_END_DECLS
