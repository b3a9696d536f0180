/* mc-json-context.h: where the reading of a JSON document is, and what it says there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mc-dataset.h"
#include "mc-json-scanner.h"
#include "mc-loader-error.h"

G_BEGIN_DECLS

/* The deepest path a dataset file has: charts[0].y[1], rows[3][1].value */
#define MC_JSON_MAX_PATH 8

/* The document being read, the path of the value at hand, and the
 * dataset it fills, which collects the warnings. */
typedef struct
{
  const char        *name;
  const char        *text;
  gsize              length;
  GFile             *base;
  GCancellable      *cancellable;
  McDataset         *dataset;
  McJsonPathElement  path[MC_JSON_MAX_PATH];
  guint              depth;
  guint              n_warnings;
  guint              n_unlocated_warnings;
  GArray            *duplicates;
  /* The decimals of the numbers of the rows as written, in order, and
   * the next row number's; NULL when unknown */
  GByteArray        *row_decimals;
  guint              next_number;
} McJsonContext;

typedef enum
{
  MC_JSON_OPTIONAL,
  MC_JSON_REQUIRED,
} McJsonNeed;

void      mc_json_context_push_key        (McJsonContext       *ctx,
                                           const char          *key);
void      mc_json_context_push_index      (McJsonContext       *ctx,
                                           guint                index);
void      mc_json_context_pop             (McJsonContext       *ctx);

/* Sets "name:line:column: path: message" for the current path. */
gboolean  mc_json_context_fail            (McJsonContext       *ctx,
                                           GError             **error,
                                           McLoaderError        code,
                                           const char          *format,
                                           ...) G_GNUC_PRINTF (4, 5);
gboolean  mc_json_context_fail_at         (McJsonContext       *ctx,
                                           const char          *key,
                                           GError             **error,
                                           McLoaderError        code,
                                           const char          *format,
                                           ...) G_GNUC_PRINTF (5, 6);
gboolean  mc_json_context_wrong_type      (McJsonContext       *ctx,
                                           GError             **error,
                                           const char          *key,
                                           JsonNode            *node,
                                           const char          *expected);
void      mc_json_context_warn            (McJsonContext       *ctx,
                                           const char          *message);
/* Warns about the members of @object that are not in @known. */
void      mc_json_context_check_members   (McJsonContext       *ctx,
                                           JsonObject          *object,
                                           const char * const  *known);
/* Calls @keep for each member of @object that is not in @known, with its
 * value as JSON text, so that a file saved again keeps it. */
typedef void (*McJsonKeepFunc) (gpointer     target,
                                const char  *key,
                                const char  *json);
void      mc_json_keep_unknown_members    (JsonObject          *object,
                                           const char * const  *known,
                                           McJsonKeepFunc       keep,
                                           gpointer             target);
void      mc_json_context_warn_duplicate_keys (McJsonContext   *ctx);
/* "3 more warnings like the ones above", when there were too many. */
void      mc_json_context_add_summary_warning (McJsonContext   *ctx);

/* Members of @object, checked; null counts as absent for optional ones. */
gboolean  mc_json_context_get_string      (McJsonContext       *ctx,
                                           JsonObject          *object,
                                           const char          *key,
                                           McJsonNeed           need,
                                           const char         **value,
                                           GError             **error);
gboolean  mc_json_context_get_boolean     (McJsonContext       *ctx,
                                           JsonObject          *object,
                                           const char          *key,
                                           gboolean            *value,
                                           GError             **error);
gboolean  mc_json_context_get_container   (McJsonContext       *ctx,
                                           JsonObject          *object,
                                           const char          *key,
                                           McJsonNeed           need,
                                           JsonNodeType         type,
                                           JsonNode           **value,
                                           GError             **error);

/* "a number (3)", "a string (“x”)", "an array", ... */
char     *mc_json_node_describe           (JsonNode            *node);
gboolean  mc_json_node_is_string          (JsonNode            *node);
gboolean  mc_json_node_is_boolean         (JsonNode            *node);
gboolean  mc_json_node_is_number          (JsonNode            *node);
/* Calls @func for every number of @node in the order of the JSON text
 * (json-glib keeps the members of an object in that order), until it
 * returns FALSE; returns whether it never did. */
typedef gboolean (*McJsonNumberFunc) (JsonNode            *number,
                                      gpointer             user_data);
gboolean  mc_json_node_foreach_number     (JsonNode            *node,
                                           McJsonNumberFunc     func,
                                           gpointer             user_data);

G_END_DECLS
