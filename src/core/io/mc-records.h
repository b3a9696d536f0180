/* mc-records.h: JSON records made into a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mc-dataset.h"
#include "mc-loader-error.h"

G_BEGIN_DECLS

/* "name:line:column" of member @path (a key, or several for a nested
 * object) of row @row, for messages. */
typedef char *(*McRecordsLocateFunc) (gpointer             user_data,
                                      guint                row,
                                      const char * const  *path);

/* A table of JSON values: records, one object per row, whose members are
 * the columns; or columns, one array per column, of an object. */
typedef struct
{
  const char           *name;          /* the file, for messages */
  GPtrArray            *rows;          /* JsonNode: objects; or NULL */
  JsonObject           *columns;       /* an object of arrays; or NULL */
  McRecordsLocateFunc   locate;
  gpointer              locate_data;
  GCancellable         *cancellable;
  GHashTable           *decimals;      /* see mc_records_find_decimals(); or NULL */
} McRecordsInput;

McDataset  *mc_records_load            (const McRecordsInput  *input,
                                        GError               **error);
/* Whether every member of @object is an array of values that are not
 * objects: the columns of a table. */
gboolean    mc_records_are_columns     (JsonObject            *object);
/* Whether @node is an array whose first element is an object. */
gboolean    mc_records_are_rows        (JsonNode              *node);
/* The decimals the numbers of @node are written with in @text, where
 * @node's value starts at @offset: json-glib keeps none. A table of the
 * nodes of numbers with a point or an exponent, for McRecordsInput; NULL
 * when the text and @node do not hold as many numbers. */
GHashTable *mc_records_find_decimals   (JsonNode              *node,
                                        const char            *text,
                                        gsize                  length,
                                        gsize                  offset);

G_END_DECLS
