/* mc-column-convert.h: a column read again as another type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-dataset.h"

G_BEGIN_DECLS

/* A copy of @column of type @type, each cell's text read as the loader
 * reads a cell of that type ("2024" becomes a date, 9.2 the text "9.2").
 * Labels, unit, scale and annotations are kept. NULL, with an error in
 * MC_CELL_INPUT_ERROR naming the first row that does not convert. */
McColumn  *mc_column_convert  (const McColumn  *column,
                               McColumnType     type,
                               GError         **error);

G_END_DECLS
