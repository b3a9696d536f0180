/* mc-csv.h: a fast RFC 4180 CSV reader over a buffer in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MC_CSV_ERROR (mc_csv_error_quark ())

typedef enum
{
  MC_CSV_ERROR_SYNTAX,      /* unterminated quote, text after a closing quote */
  MC_CSV_ERROR_ENCODING,    /* invalid UTF-8 or a NUL byte */
  MC_CSV_ERROR_TOO_LARGE,   /* too many fields in a row, or a field too long */
} McCsvError;

/* Limits that keep a hostile file from exhausting memory. */
#define MC_CSV_MAX_FIELDS        4096
#define MC_CSV_MAX_FIELD_LENGTH  (64 * 1024)

/* Pass as @separator to detect it from the first lines: the one of ",",
 * ";", tab and "|" that splits them into the same number of fields, the
 * most of them. */
#define MC_CSV_SEPARATOR_AUTO    '\0'

typedef enum
{
  MC_CSV_NUMBER_OK,
  MC_CSV_NUMBER_INVALID,    /* not a decimal number */
  MC_CSV_NUMBER_RANGE,      /* beyond the range of a double */
} McCsvNumberResult;

typedef struct _McCsvReader McCsvReader;

GQuark             mc_csv_error_quark               (void);

char               mc_csv_detect_separator          (const char    *data,
                                                     gsize          length);
McCsvReader       *mc_csv_reader_new                (const char    *data,
                                                     gsize          length,
                                                     char           separator);
void               mc_csv_reader_free               (McCsvReader   *reader);
char               mc_csv_reader_get_separator      (McCsvReader   *reader);
gboolean           mc_csv_reader_next_row           (McCsvReader   *reader,
                                                     GError       **error);
void               mc_csv_reader_rewind             (McCsvReader   *reader);
guint              mc_csv_reader_get_n_fields       (McCsvReader   *reader);
const char        *mc_csv_reader_get_field          (McCsvReader   *reader,
                                                     guint          index,
                                                     gsize         *length);
char              *mc_csv_reader_dup_field          (McCsvReader   *reader,
                                                     guint          index);
gboolean           mc_csv_reader_field_is_quoted    (McCsvReader   *reader,
                                                     guint          index);
guint              mc_csv_reader_get_line           (McCsvReader   *reader);
gsize              mc_csv_reader_get_offset         (McCsvReader   *reader);
void               mc_csv_reader_get_field_position (McCsvReader   *reader,
                                                     guint          index,
                                                     guint         *line,
                                                     guint         *column);
void               mc_csv_reader_get_end_position   (McCsvReader   *reader,
                                                     guint         *line,
                                                     guint         *column);

McCsvNumberResult  mc_csv_parse_number              (const char    *text,
                                                     gsize          length,
                                                     double        *value);
gsize              mc_csv_scan_number               (const char    *text,
                                                     const char    *end,
                                                     double        *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McCsvReader, mc_csv_reader_free)

G_END_DECLS
