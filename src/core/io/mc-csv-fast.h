/* mc-csv-fast.h: the rows of a CSV file of numbers and dates, read fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-csv-rows.h"
#include "mc-line-blocks.h"
#include "mc-table-builder.h"

G_BEGIN_DECLS

typedef enum
{
  MC_CSV_FAST_DONE,
  MC_CSV_FAST_FAILED,      /* the error is set: cancelled, or the file could not be read */
  MC_CSV_FAST_GAVE_UP,     /* something else than numbers and dates: read it another way */
} McCsvFastResult;

/* Done: @n_rows are the rows read, which @rows does not count (its
 * reader is still after the header); the caller decides whether it
 * takes them. */
McCsvFastResult  mc_csv_fast_read  (McCsvRows                *rows,
                                    McTableBuilder           *builder,
                                    const McLineBlocksSource *source,
                                    guint                    *n_rows,
                                    GError                  **error);

G_END_DECLS
