/* mc-csv-rows.h: the rows of a CSV file, as cells with positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-csv.h"
#include "mc-load-progress.h"
#include "mc-loader-error.h"
#include "mc-table-builder.h"

G_BEGIN_DECLS

/* Readers of CSV rows check for cancellation after this many rows. */
#define MC_CSV_ROWS_CANCEL_CHECK 65536

/* A CSV file read row by row after its header, for a reader: rows that
 * the header does not fit, too many rows and cancellation are errors
 * that name the file and the position. */
typedef struct
{
  const char    *name;          /* the file, for messages */
  McCsvReader   *reader;
  GCancellable  *cancellable;
  guint          n_header;      /* fields of the header */
  guint          n_rows;        /* rows read after it */
  McLoadProgress *progress;     /* nullable: told the rows read */
} McCsvRows;

void         mc_csv_rows_init          (McCsvRows       *rows,
                                        const char      *name,
                                        const char      *text,
                                        gsize            length,
                                        char             separator,
                                        GCancellable    *cancellable);
void         mc_csv_rows_clear         (McCsvRows       *rows);
gboolean     mc_csv_rows_read_header   (McCsvRows       *rows,
                                        GError         **error);
gboolean     mc_csv_rows_rewind        (McCsvRows       *rows,
                                        GError         **error);
gboolean     mc_csv_rows_next          (McCsvRows       *rows,
                                        gboolean        *have_row,
                                        GError         **error);
/* "name:line:column: message" at field @index of the current row. */
char        *mc_csv_rows_format_at     (McCsvRows       *rows,
                                        guint            index,
                                        const char      *message);
void         mc_csv_rows_set_error_at  (McCsvRows       *rows,
                                        guint            index,
                                        McLoaderError    code,
                                        const char      *message,
                                        GError         **error);
char        *mc_csv_rows_locate        (gpointer         rows,
                                        guint            index);
gboolean     mc_csv_rows_infer         (McCsvRows       *rows,
                                        McTableBuilder  *builder,
                                        GError         **error);
gboolean     mc_csv_rows_fill          (McCsvRows       *rows,
                                        McTableBuilder  *builder,
                                        const int       *map,
                                        GError         **error);

/* The text of field @index of the current row; an unquoted one loses the
 * spaces around it. Inline: readers ask it of every cell. */
static inline const char *
mc_csv_rows_get_cell (McCsvRows *rows,
                      guint      index,
                      gsize     *length)
{
  const char *text = mc_csv_reader_get_field (rows->reader, index, length);

  if (mc_csv_reader_field_is_quoted (rows->reader, index))
    return text;
  while (*length > 0 && (*text == ' ' || *text == '\t'))
    text++, (*length)--;
  while (*length > 0 && (text[*length - 1] == ' ' || text[*length - 1] == '\t'))
    (*length)--;
  return text;
}

G_END_DECLS
