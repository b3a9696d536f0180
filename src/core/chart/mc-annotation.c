/* mc-annotation.c: what a chart's "annotations" say, as its spec holds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-annotation.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-chart-error.h"
#include "mc-format.h"
#include "mc-text.h"
#include "mc-transform.h"

static const char * const type_names[MC_N_ANNOTATION_TYPES] = {
  "event", "line", "range", "band", "callout",
};

/* The keys each type needs, besides "type". */
static const char * const event_keys[] = { "x", NULL };
static const char * const line_keys[] = { "value", NULL };
static const char * const span_keys[] = { "from", "to", NULL };
static const char * const callout_keys[] = { "x", "label", NULL };
static const char * const * const required_keys[MC_N_ANNOTATION_TYPES] = {
  event_keys, line_keys, span_keys, span_keys, callout_keys,
};

static const struct
{
  const char          *key;
  McAnnotationKeyType  type;
} annotation_keys[] = {
  { "type", MC_ANNOTATION_KEY_TEXT },
  { "label", MC_ANNOTATION_KEY_TEXT },
  { "x", MC_ANNOTATION_KEY_X },
  { "from", MC_ANNOTATION_KEY_X },
  { "to", MC_ANNOTATION_KEY_X },
  { "value", MC_ANNOTATION_KEY_NUMBER },
  { "series", MC_ANNOTATION_KEY_TEXT },
  { "axis", MC_ANNOTATION_KEY_TEXT },
};

const char *
mc_annotation_type_to_string (McAnnotationType type)
{
  g_return_val_if_fail (type < MC_N_ANNOTATION_TYPES, NULL);

  return type_names[type];
}

gboolean
mc_annotation_type_from_string (const char       *name,
                                McAnnotationType *type)
{
  for (guint i = 0; name != NULL && i < MC_N_ANNOTATION_TYPES; i++)
    if (g_str_equal (name, type_names[i]))
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

char *
mc_annotation_list_types (void)
{
  return g_strjoinv (", ", (char **) type_names);
}

gboolean
mc_annotation_lookup_key (const char          *key,
                          McAnnotationKeyType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (annotation_keys); i++)
    if (g_str_equal (annotation_keys[i].key, key))
      {
        *type = annotation_keys[i].type;
        return TRUE;
      }
  return FALSE;
}

/* Checking one annotation */

G_GNUC_PRINTF (4, 5)
static gboolean
fail (const char  **where,
      const char   *key,
      GError      **error,
      const char   *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  *where = key;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
value_has_type (GVariant            *value,
                McAnnotationKeyType  type)
{
  gboolean text = g_variant_is_of_type (value, G_VARIANT_TYPE_STRING);
  gboolean number = g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE)
                    && isfinite (g_variant_get_double (value));

  switch (type)
    {
    case MC_ANNOTATION_KEY_TEXT:
      return text;
    case MC_ANNOTATION_KEY_NUMBER:
      return number;
    case MC_ANNOTATION_KEY_X:
    default:
      return text || number;
    }
}

static const char *
key_type_name (McAnnotationKeyType type)
{
  switch (type)
    {
    case MC_ANNOTATION_KEY_TEXT:
      return _("a text");
    case MC_ANNOTATION_KEY_NUMBER:
      return _("a number");
    case MC_ANNOTATION_KEY_X:
    default:
      return _("a text or a number");
    }
}

/* Every key known, of its type. */
static gboolean
check_keys (GVariant     *annotation,
            const char  **where,
            GError      **error)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, annotation);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      McAnnotationKeyType type;

      if (!mc_annotation_lookup_key (key, &type))
        {
          g_autofree char *key_shown = mc_text_shown (key);

          g_variant_unref (value);
          return fail (where, NULL, error,
                       _("unknown key “%s” in an annotation; annotations take “type”, "
                         "“label”, “x”, “from”, “to”, “value”, “series” and “axis”"),
                       key_shown);
        }
      if (!value_has_type (value, type))
        {
          /* Translators: "“value” of an annotation must be a number" */
          fail (where, g_intern_string (key), error,
                _("“%s” of an annotation must be %s"), key, key_type_name (type));
          g_variant_unref (value);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_type (GVariant          *annotation,
            McAnnotationType  *type,
            const char       **where,
            GError           **error)
{
  const char *name = NULL;
  g_autofree char *valid = mc_annotation_list_types ();
  g_autofree char *name_shown = NULL;

  if (!g_variant_lookup (annotation, "type", "&s", &name))
    return fail (where, "type", error,
                 _("an annotation needs a “type”, one of: %s"), valid);
  if (mc_annotation_type_from_string (name, type))
    return TRUE;
  name_shown = mc_text_shown (name);
  return fail (where, "type", error, _("unknown annotation type “%s”; expected one of: %s"),
               name_shown, valid);
}

/* The keys @type needs; a band's limits are values, a callout's label
 * is not empty, an axis is left or right. */
static gboolean
check_type_keys (GVariant          *annotation,
                 McAnnotationType   type,
                 const char       **where,
                 GError           **error)
{
  const char *text;

  for (guint i = 0; required_keys[type][i] != NULL; i++)
    if (!g_variant_lookup (annotation, required_keys[type][i], "*", NULL))
      /* Translators: "an annotation of type “event” needs “x”" */
      return fail (where, NULL, error, _("an annotation of type “%s” needs “%s”"),
                   type_names[type], required_keys[type][i]);
  if (type == MC_ANNOTATION_BAND
      && (!g_variant_lookup (annotation, "from", "d", NULL)
          || !g_variant_lookup (annotation, "to", "d", NULL)))
    return fail (where, g_variant_lookup (annotation, "from", "d", NULL) ? "to" : "from", error,
                 _("the “from” and “to” of a band are values of the value axis: numbers"));
  if (type == MC_ANNOTATION_CALLOUT && g_variant_lookup (annotation, "label", "&s", &text)
      && *text == '\0')
    return fail (where, "label", error, _("a callout needs a “label” to say something"));
  if (g_variant_lookup (annotation, "axis", "&s", &text)
      && !g_str_equal (text, "left") && !g_str_equal (text, "right"))
    return fail (where, "axis", error, _("“axis” of an annotation is “left” or “right”"));
  return TRUE;
}

/**
 * mc_annotation_check_fields:
 * @annotation: one annotation, a dictionary (a{sv})
 * @key: (out): the key at fault, interned, or %NULL for the annotation
 * @error: an error in %MC_CHART_ERROR
 *
 * Returns: whether the annotation is one a chart can hold
 */
gboolean
mc_annotation_check_fields (GVariant    *annotation,
                            const char **key,
                            GError     **error)
{
  McAnnotationType type;

  g_return_val_if_fail (annotation != NULL && key != NULL, FALSE);

  *key = NULL;
  if (!g_variant_is_of_type (annotation, G_VARIANT_TYPE_VARDICT))
    return fail (key, NULL, error, _("an annotation must be an object"));
  return check_keys (annotation, key, error)
         && check_type (annotation, &type, key, error)
         && check_type_keys (annotation, type, key, error);
}

void
mc_annotation_spec_read (GVariant         *annotation,
                         McAnnotationSpec *spec)
{
  const char *text = NULL;

  g_return_if_fail (annotation != NULL && spec != NULL);

  *spec = (McAnnotationSpec) { .value = NAN };
  if (g_variant_lookup (annotation, "type", "&s", &text))
    mc_annotation_type_from_string (text, &spec->type);
  g_variant_lookup (annotation, "label", "&s", &spec->label);
  g_variant_lookup (annotation, "series", "&s", &spec->series);
  g_variant_lookup (annotation, "value", "d", &spec->value);
  spec->x = g_variant_lookup_value (annotation, "x", NULL);
  spec->from = g_variant_lookup_value (annotation, "from", NULL);
  spec->to = g_variant_lookup_value (annotation, "to", NULL);
  spec->right = g_variant_lookup (annotation, "axis", "&s", &text) && g_str_equal (text, "right");
}

void
mc_annotation_spec_clear (McAnnotationSpec *spec)
{
  g_clear_pointer (&spec->x, g_variant_unref);
  g_clear_pointer (&spec->from, g_variant_unref);
  g_clear_pointer (&spec->to, g_variant_unref);
}

char *
mc_annotation_x_to_string (GVariant *x)
{
  g_return_val_if_fail (x != NULL, NULL);

  if (g_variant_is_of_type (x, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (x, NULL);
  return mc_format_number (g_variant_get_double (x),
                           mc_format_value_decimals (g_variant_get_double (x), 6));
}

gboolean
mc_annotation_x_position (GVariant       *x,
                          const McColumn *x_column,
                          double         *position)
{
  McDatePrecision precision;

  g_return_val_if_fail (x != NULL && x_column != NULL && position != NULL, FALSE);

  switch (mc_column_get_column_type (x_column))
    {
    case MC_COLUMN_DATE:
      return g_variant_is_of_type (x, G_VARIANT_TYPE_STRING)
             && mc_format_parse_iso_date (g_variant_get_string (x, NULL), position, &precision);
    case MC_COLUMN_NUMBER:
      if (!g_variant_is_of_type (x, G_VARIANT_TYPE_DOUBLE))
        return FALSE;
      *position = g_variant_get_double (x);
      return TRUE;
    case MC_COLUMN_STRING:
    case MC_COLUMN_BOOLEAN:
    default:
      return FALSE;
    }
}

/* Checking an annotation against the data */

/* The lowest and the highest value of a date or number column. */
static gboolean
column_extent (const McColumn *column,
               double         *lo,
               double         *hi)
{
  *lo = *hi = NAN;
  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    {
      double v = mc_column_get_value (column, row);

      if (isnan (v))
        continue;
      *lo = isnan (*lo) ? v : MIN (*lo, v);
      *hi = isnan (*hi) ? v : MAX (*hi, v);
    }
  return !isnan (*lo);
}

/* An x value is a row's x, or on a date or number axis any place
 * between the first and the last. */
static gboolean
check_x (GVariant        *x,
         const char      *key,
         McDataset       *dataset,
         const char      *x_id,
         const char     **where,
         GError         **error)
{
  McColumn *column = mc_dataset_lookup_column (dataset, x_id);
  g_autofree char *text = mc_annotation_x_to_string (x);
  g_autofree char *text_shown = mc_text_shown (text);
  g_autofree char *id_shown = mc_text_shown (x_id);
  double position, lo, hi;
  guint row;

  if (column == NULL || mc_transform_find_row (dataset, x_id, text, &row))
    return TRUE;
  if (!mc_annotation_x_position (x, column, &position))
    /* Translators: an annotation's x that is not in the chart's x
     * column: the x, the column */
    return fail (where, key, error, _("there is no “%s” in column “%s”"), text_shown, id_shown);
  if (column_extent (column, &lo, &hi) && position >= lo && position <= hi)
    return TRUE;
  /* Translators: an annotation's x beyond the data: the x, the column */
  return fail (where, key, error, _("“%s” is outside the values of column “%s”"),
               text_shown, id_shown);
}

static gboolean
names_series (const char         *name,
              McDataset          *dataset,
              const char * const *series_ids,
              const char         *series_column)
{
  McColumn *column;
  guint row;

  for (guint i = 0; series_ids != NULL && series_ids[i] != NULL; i++)
    {
      column = mc_dataset_lookup_column (dataset, series_ids[i]);
      if (g_str_equal (series_ids[i], name)
          || (column != NULL && g_strcmp0 (mc_column_get_label (column), name) == 0))
        return TRUE;
    }
  return series_column != NULL && mc_transform_find_row (dataset, series_column, name, &row);
}

/**
 * mc_annotation_check_data:
 *
 * Returns: whether @annotation can be placed on the chart's data
 */
gboolean
mc_annotation_check_data (const McAnnotationSpec  *annotation,
                          McDataset               *dataset,
                          const char              *x_id,
                          const char * const      *series_ids,
                          const char              *series_column,
                          const char             **key,
                          GError                 **error)
{
  g_return_val_if_fail (annotation != NULL && MC_IS_DATASET (dataset), FALSE);

  *key = NULL;
  if (annotation->x != NULL && !check_x (annotation->x, "x", dataset, x_id, key, error))
    return FALSE;
  if (annotation->type == MC_ANNOTATION_RANGE
      && (!check_x (annotation->from, "from", dataset, x_id, key, error)
          || !check_x (annotation->to, "to", dataset, x_id, key, error)))
    return FALSE;
  if (annotation->series != NULL
      && !names_series (annotation->series, dataset, series_ids, series_column))
    {
      g_autofree char *name_shown = mc_text_shown (annotation->series);

      return fail (key, "series", error, _("the chart draws no series “%s”"), name_shown);
    }
  return TRUE;
}
