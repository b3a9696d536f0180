/* mc-chart-kind.c: the forms a chart can take, and the one check of a spec
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-chart-kind.h"

#include <glib/gi18n.h>

#include "mc-text.h"

/* Messages list at most this many column ids. */
#define MAX_LISTED_COLUMNS 12

G_DEFINE_QUARK (mc-chart-error-quark, mc_chart_error)

static const char * const transform_choices[] = { "none", "growth", NULL };

const McOptionInfo mc_chart_option_x = {
  "x", MC_OPTION_COLUMN, 0, N_("the column of the horizontal axis"), NULL, NULL, NULL
};
const McOptionInfo mc_chart_option_y = {
  "y", MC_OPTION_COLUMNS, MC_OPTION_REQUIRED | MC_OPTION_NUMERIC,
  N_("the columns of values"), NULL, NULL, NULL
};
const McOptionInfo mc_chart_option_series = {
  "series", MC_OPTION_COLUMN, 0, N_("a column whose values name the series"), NULL, NULL, NULL
};
const McOptionInfo mc_chart_option_transform = {
  "transform", MC_OPTION_CHOICE, 0, N_("a change computed from the values"),
  transform_choices, N_("expected “growth” or “none”"), NULL
};
const McOptionInfo mc_chart_option_stacked = {
  "stacked", MC_OPTION_BOOLEAN, 0, N_("series stacked on each other"), NULL, NULL, NULL
};
const McOptionInfo mc_chart_option_sort = {
  "sort", MC_OPTION_BOOLEAN, 0, N_("categories ordered by value"), NULL, NULL, NULL
};

const McChartKind *
mc_chart_kind_lookup (const char *id)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();

  for (guint i = 0; id != NULL && kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i]->id, id))
      return kinds[i];
  return NULL;
}

const McOptionInfo *
mc_chart_kind_get_option (const McChartKind *kind,
                          const char        *key)
{
  g_return_val_if_fail (kind != NULL && key != NULL, NULL);

  for (guint i = 0; kind->options[i] != NULL; i++)
    if (g_str_equal (kind->options[i]->key, key))
      return kind->options[i];
  return NULL;
}

const McOptionInfo *
mc_chart_option_lookup (const char *key)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const McOptionInfo *info = mc_chart_kind_get_option (kinds[i], key);

      if (info != NULL)
        return info;
    }
  return NULL;
}

char *
mc_chart_kinds_list_ids (void)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; kinds[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", kinds[i]->id);
  return g_string_free (out, FALSE);
}

const char *
mc_chart_spec_get_x (const McChartSpec *spec,
                     McDataset         *dataset)
{
  const char *x = mc_chart_spec_get_string (spec, "x");
  g_autofree const char **y = NULL;

  if (x != NULL)
    return x;
  y = mc_chart_spec_get_strv (spec, "y");
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      const char *id = mc_column_get_id (mc_dataset_get_column (dataset, i));

      if (y == NULL || !g_strv_contains (y, id))
        return id;
    }
  /* Every column is plotted: x is the first of them. */
  return y != NULL ? y[0] : NULL;
}

gboolean
mc_chart_spec_is_growth (const McChartSpec *spec)
{
  return g_strcmp0 (mc_chart_spec_get_string (spec, "transform"), "growth") == 0;
}

/* Problems */

G_GNUC_PRINTF (6, 7)
static gboolean
problem (McSpecProblem  *where,
         const char     *key,
         McSpecFault     fault,
         GError        **error,
         McChartError    code,
         const char     *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  where->key = key;
  where->index = -1;
  where->fault = fault;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, MC_CHART_ERROR, code, message);
  return FALSE;
}

static char *
list_columns (McDataset *dataset)
{
  guint n_columns = mc_dataset_get_n_columns (dataset);
  GString *out = g_string_new (NULL);

  /* A dataset may declare thousands of columns: name the first few. */
  for (guint i = 0; i < n_columns && i < MAX_LISTED_COLUMNS; i++)
    {
      g_autofree char *id = mc_text_shown (mc_column_get_id (mc_dataset_get_column (dataset, i)));

      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", id);
    }
  if (n_columns > MAX_LISTED_COLUMNS)
    g_string_append_printf (out, _(", … (%u columns in all)"), n_columns);
  return g_string_free (out, FALSE);
}

static gboolean
check_column (const McOptionInfo  *info,
              const char          *id,
              int                  index,
              McDataset           *dataset,
              McSpecProblem       *where,
              GError             **error)
{
  McColumn *column = mc_dataset_lookup_column (dataset, id);
  g_autofree char *id_shown = mc_text_shown (id);

  if (column == NULL)
    {
      g_autofree char *declared = list_columns (dataset);

      problem (where, info->key, MC_SPEC_FAULT_REFERENCE, error, MC_CHART_ERROR_COLUMN,
               _("there is no column “%s”; the columns are: %s"), id_shown, declared);
      where->index = index;
      return FALSE;
    }
  if ((info->flags & MC_OPTION_NUMERIC) && mc_column_get_column_type (column) != MC_COLUMN_NUMBER)
    {
      problem (where, info->key, MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_COLUMN,
               _("column “%s” has type %s; the values a chart plots must be numbers"),
               id_shown, mc_column_type_to_string (mc_column_get_column_type (column)));
      where->index = index;
      return FALSE;
    }
  return TRUE;
}

static const GVariantType *
option_variant_type (McOptionType type)
{
  switch (type)
    {
    case MC_OPTION_COLUMNS:
      return G_VARIANT_TYPE_STRING_ARRAY;
    case MC_OPTION_BOOLEAN:
      return G_VARIANT_TYPE_BOOLEAN;
    case MC_OPTION_NUMBER:
      return G_VARIANT_TYPE_DOUBLE;
    case MC_OPTION_COLUMN:
    case MC_OPTION_TEXT:
    case MC_OPTION_CHOICE:
    default:
      return G_VARIANT_TYPE_STRING;
    }
}

/* The value of a present option: its type, its choice, its columns. */
static gboolean
check_option_value (const McOptionInfo  *info,
                    GVariant            *value,
                    McDataset           *dataset,
                    McSpecProblem       *where,
                    GError             **error)
{
  if (!g_variant_is_of_type (value, option_variant_type (info->type)))
    return problem (where, info->key, MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                    _("“%s” has a value of the wrong type"), info->key);

  switch (info->type)
    {
    case MC_OPTION_CHOICE:
      {
        const char *choice = g_variant_get_string (value, NULL);
        g_autofree char *choice_shown = mc_text_shown (choice);

        if (g_strv_contains (info->choices, choice))
          return TRUE;
        /* Translators: "unknown transform “yoy”; expected “growth” or
         * “none”": the key, the value found, what the key takes */
        return problem (where, info->key, MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                        _("unknown %s “%s”; %s"), info->key, choice_shown, _(info->invalid));
      }
    case MC_OPTION_COLUMN:
      return check_column (info, g_variant_get_string (value, NULL), -1, dataset, where, error);
    case MC_OPTION_COLUMNS:
      {
        g_autofree const char **ids = g_variant_get_strv (value, NULL);

        if (ids[0] == NULL)
          return problem (where, info->key, MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_COLUMN,
                          _("“%s” names no column"), info->key);
        for (guint i = 0; ids[i] != NULL; i++)
          if (!check_column (info, ids[i], (int) i, dataset, where, error))
            return FALSE;
        return TRUE;
      }
    case MC_OPTION_BOOLEAN:
    case MC_OPTION_NUMBER:
    case MC_OPTION_TEXT:
    default:
      return TRUE;
    }
}

/* "line charts", or "line charts, area charts" */
static char *
list_kinds_with (const char *key)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; kinds[i] != NULL; i++)
    if (mc_chart_kind_get_option (kinds[i], key) != NULL)
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", _(kinds[i]->plural));
  return g_string_free (out, FALSE);
}

/* Options of other kinds are ignored, but a strict one is a mistake to
 * point out: a second axis on a bar chart would silently vanish. */
static gboolean
check_foreign_options (const McChartKind  *kind,
                       const McChartSpec  *spec,
                       McSpecProblem      *where,
                       GError            **error)
{
  g_auto(GStrv) keys = mc_chart_spec_list_options (spec);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const McOptionInfo *info = mc_chart_option_lookup (keys[i]);
      g_autofree char *kinds = NULL;

      if (info == NULL || !(info->flags & MC_OPTION_STRICT)
          || mc_chart_kind_get_option (kind, keys[i]) != NULL)
        continue;
      kinds = list_kinds_with (info->key);
      /* Translators: “y2” (a second value axis) is only for line charts;
       * this is a bar chart */
      return problem (where, info->key, MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                      _("“%s” (%s) is only for %s; this is %s"), info->key,
                      _(info->description), kinds, _(kind->name));
    }
  return TRUE;
}

static gboolean
check_options (const McChartKind  *kind,
               const McChartSpec  *spec,
               McDataset          *dataset,
               McSpecProblem      *where,
               GError            **error)
{
  for (guint i = 0; kind->options[i] != NULL; i++)
    {
      const McOptionInfo *info = kind->options[i];
      GVariant *value = mc_chart_spec_get_option (spec, info->key);

      if (value == NULL && (info->flags & MC_OPTION_REQUIRED))
        {
          if (info->missing != NULL)
            return problem (where, NULL, MC_SPEC_FAULT_MISSING, error, MC_CHART_ERROR_COLUMN,
                            "%s", _(info->missing));
          return problem (where, NULL, MC_SPEC_FAULT_MISSING, error, MC_CHART_ERROR_COLUMN,
                          _("missing key “%s”"), info->key);
        }
      if (value != NULL && !check_option_value (info, value, dataset, where, error))
        return FALSE;
    }
  return TRUE;
}

/* A long table draws one series per value of its series column, of its
 * one y column. */
static gboolean
check_series (const McChartSpec  *spec,
              McSpecProblem      *where,
              GError            **error)
{
  guint n_y = mc_chart_spec_get_strv_length (spec, "y");

  if (!mc_chart_spec_has_option (spec, "series") || n_y == 1)
    return TRUE;
  return problem (where, "series", MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                  _("with “series”, the chart needs exactly one “y” column; found %u"), n_y);
}

/**
 * mc_chart_spec_check:
 * @spec: a chart spec
 * @dataset: the data it draws
 * @problem: (out) (optional): where the fault is
 * @error: an error in %MC_CHART_ERROR, its message without the chart's
 *   name or the place in a file, which callers add
 *
 * Returns: whether the chart can be drawn from @dataset
 */
gboolean
mc_chart_spec_check (const McChartSpec  *spec,
                     McDataset          *dataset,
                     McSpecProblem      *problem_out,
                     GError            **error)
{
  McSpecProblem ignored, *where = problem_out ? problem_out : &ignored;
  const McChartKind *kind;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (MC_IS_DATASET (dataset), FALSE);

  where->key = NULL;
  where->index = -1;
  where->fault = MC_SPEC_FAULT_VALUE;
  kind = mc_chart_kind_lookup (spec->type);
  if (kind == NULL)
    {
      g_autofree char *valid = mc_chart_kinds_list_ids ();
      g_autofree char *type_shown = mc_text_shown (spec->type ? spec->type : "");

      return problem (where, "type", MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                      _("unknown chart type “%s”; expected one of: %s"), type_shown, valid);
    }
  if (!check_foreign_options (kind, spec, where, error)
      || !check_options (kind, spec, dataset, where, error)
      || !check_series (spec, where, error))
    return FALSE;
  return kind->check == NULL || kind->check (spec, dataset, where, error);
}
