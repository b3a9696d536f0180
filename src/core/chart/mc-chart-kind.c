/* mc-chart-kind.c: the forms a chart can take, and the one check of a spec
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-chart-kind.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-annotation.h"
#include "mc-format.h"
#include "mc-text.h"
#include "mc-theme.h"
#include "mc-transform.h"

/* Messages list at most this many column ids. */
#define MAX_LISTED_COLUMNS 12

static const char * const transform_choices[] = { "none", "growth", "index", NULL };
static const char * const transform_labels[] = {
  N_("Values"), N_("Growth Rates"), N_("Indexed to 100"), NULL
};
static const char * const legend_choices[] = { "auto", "top", "bottom", "none", NULL };
/* Translators: where a chart's legend goes */
static const char * const legend_labels[] = {
  N_("Automatic"), N_("Top"), N_("Bottom"), N_("No Legend"), NULL
};
static const char * const panels_choices[] = { "none", "series", "unit", NULL };
/* Translators: small multiples of a chart: none, or one panel per series
 * or per unit */
static const char * const panels_labels[] = {
  N_("One Chart"), N_("A Panel per Series"), N_("A Panel per Unit"), NULL
};
static const char * const aggregate_choices[] = {
  "none", "sum", "mean", "median", "count", "first", "last", NULL
};
/* Translators: how rows with the same x are combined */
static const char * const aggregate_labels[] = {
  N_("Not Combined"), N_("Sum"), N_("Mean"), N_("Median"), N_("Count"), N_("First"), N_("Last"),
  NULL
};

const McOptionInfo mc_chart_option_x = {
  "x", MC_OPTION_COLUMN, MC_OPTION_CHOSEN, N_("the column of the horizontal axis"), NULL, NULL,
  NULL, N_("Horizontal Axis"), NULL
};
const McOptionInfo mc_chart_option_y = {
  "y", MC_OPTION_COLUMNS,
  MC_OPTION_REQUIRED | MC_OPTION_NUMERIC | MC_OPTION_SERIES | MC_OPTION_ON_AXIS,
  N_("the columns of values"), NULL, NULL, NULL, N_("Values"), NULL
};
const McOptionInfo mc_chart_option_series = {
  "series", MC_OPTION_COLUMN, 0, N_("a column whose values name the series"), NULL, NULL, NULL,
  N_("Series From Column"), NULL
};
const McOptionInfo mc_chart_option_transform = {
  "transform", MC_OPTION_CHOICE, 0,
  N_("a change computed from the values: “growth” in percent against the previous "
     "row, or “index”, each series rebased to 100"),
  transform_choices, N_("expected “growth”, “index” or “none”"), NULL, N_("Show"),
  transform_labels
};
const McOptionInfo mc_chart_option_stacked = {
  "stacked", MC_OPTION_BOOLEAN, 0, N_("series stacked on each other"), NULL, NULL, NULL,
  N_("Stacked"), NULL
};
const McOptionInfo mc_chart_option_sort = {
  "sort", MC_OPTION_BOOLEAN, 0, N_("categories ordered by value"), NULL, NULL, NULL,
  N_("Sorted by Value"), NULL
};
const McOptionInfo mc_chart_option_min = {
  "min", MC_OPTION_NUMBER, 0, N_("the lowest value of the value axis"), NULL, NULL, NULL,
  N_("Axis Minimum"), NULL
};
const McOptionInfo mc_chart_option_max = {
  "max", MC_OPTION_NUMBER, 0, N_("the highest value of the value axis"), NULL, NULL, NULL,
  N_("Axis Maximum"), NULL
};
const McOptionInfo mc_chart_option_value_labels = {
  "value_labels", MC_OPTION_BOOLEAN, MC_OPTION_DEFAULT_ON, N_("the values written on the marks"),
  NULL, NULL, NULL, N_("Value Labels"), NULL
};
const McOptionInfo mc_chart_option_legend = {
  "legend", MC_OPTION_CHOICE, 0, N_("where the legend goes"), legend_choices,
  N_("expected “auto”, “top”, “bottom” or “none”"), NULL, N_("Legend"), legend_labels
};
const McOptionInfo mc_chart_option_annotations = {
  .key = "annotations",
  .type = MC_OPTION_ANNOTATIONS,
  .description = N_("events, reference lines, shaded ranges and callouts on the plot"),
  .label = N_("Annotations"),
};
const McOptionInfo mc_chart_option_log = {
  .key = "log",
  .type = MC_OPTION_BOOLEAN,
  .flags = MC_OPTION_STRICT,
  .description = N_("a logarithmic value axis"),
  .label = N_("Logarithmic Axis"),
  .only_why = N_("the length of a bar or an area shows its value, so its axis must start at zero")
};
const McOptionInfo mc_chart_option_index_at = {
  "index_at", MC_OPTION_TEXT, 0,
  N_("the x value where indexed series are 100, such as “2024-01-02”; by default the "
     "first where every series has a value"), NULL, NULL, NULL, N_("Indexed At"), NULL, NULL,
  "x"
};
const McOptionInfo mc_chart_option_percent = {
  "percent", MC_OPTION_BOOLEAN, 0,
  N_("stacked series as shares of their total, which is 100 %"), NULL, NULL, NULL,
  N_("Stacked as Shares"), NULL
};
const McOptionInfo mc_chart_option_panels = {
  "panels", MC_OPTION_CHOICE, 0,
  N_("small multiples: one panel per series, or one per unit of the series"),
  panels_choices, N_("expected “series”, “unit” or “none”"), NULL, N_("Small Multiples"),
  panels_labels
};
const McOptionInfo mc_chart_option_filter = {
  "filter", MC_OPTION_COLUMN, 0,
  N_("a column whose values choose the rows drawn (see “filter_values”)"),
  NULL, NULL, NULL, N_("Filter Column"), NULL
};
const McOptionInfo mc_chart_option_filter_values = {
  "filter_values", MC_OPTION_TEXTS, 0,
  N_("the values of the “filter” column whose rows are drawn"), NULL, NULL, NULL,
  N_("Filter Values"), NULL, NULL, "filter"
};
const McOptionInfo mc_chart_option_month = {
  "month", MC_OPTION_COLUMN, 0,
  N_("a column of months (1 to 12, or their names) that, with the years of “x”, "
     "dates each row"), NULL, NULL, NULL, N_("Month Column"), NULL
};
const McOptionInfo mc_chart_option_aggregate = {
  "aggregate", MC_OPTION_CHOICE, 0,
  N_("rows with the same x (and series) combined into one: their sum, mean, median, "
     "count, first or last value"),
  aggregate_choices,
  N_("expected “sum”, “mean”, “median”, “count”, “first”, “last” or “none”"), NULL,
  N_("Combine Rows"), aggregate_labels
};
const McOptionInfo mc_chart_option_top = {
  "top", MC_OPTION_NUMBER, 0,
  N_("only the series with the largest totals, this many; the rest are folded into "
     "one “Other” series"), NULL, NULL, NULL, N_("Largest Series"), NULL
};

/* Options every kind takes: the texts around a chart and its colours. */
static const McOptionInfo option_short_title = {
  "short_title", MC_OPTION_TEXT, 0,
  N_("a few words that name the chart where its title does not fit: the buttons that "
     "switch between the charts of a dataset"),
  NULL, NULL, NULL, N_("Short Title"), NULL
};
static const McOptionInfo option_footnote = {
  "footnote", MC_OPTION_TEXT, 0, N_("a note under the chart"), NULL, NULL, NULL,
  N_("Footnote"), NULL
};
static const McOptionInfo option_source = {
  "source", MC_OPTION_TEXT, 0, N_("the source of this chart, if not the dataset’s"),
  NULL, NULL, NULL, N_("Source"), NULL
};
static const McOptionInfo option_colors = {
  "colors", MC_OPTION_COLORS, 0, N_("a colour for each series or category"), NULL, NULL, NULL,
  N_("Colours"), NULL
};
static const McOptionInfo option_highlight = {
  "highlight", MC_OPTION_NAMES, 0, N_("the series or categories to emphasise"),
  NULL, NULL, NULL, N_("Highlight"), NULL
};

static const McOptionInfo * const common_options[] = {
  &option_short_title,
  &option_footnote,
  &option_source,
  &option_colors,
  &option_highlight,
  NULL
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

static const McOptionInfo *
find_option (const McOptionInfo * const *options,
             const char                 *key)
{
  for (guint i = 0; options[i] != NULL; i++)
    if (g_str_equal (options[i]->key, key))
      return options[i];
  return NULL;
}

const McOptionInfo *
mc_chart_kind_get_option (const McChartKind *kind,
                          const char        *key)
{
  const McOptionInfo *info;

  g_return_val_if_fail (kind != NULL && key != NULL, NULL);

  info = find_option (kind->options, key);
  return info != NULL ? info : find_option (common_options, key);
}

const McOptionInfo **
mc_chart_kind_list_options (const McChartKind *kind)
{
  GPtrArray *all = g_ptr_array_new ();

  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; kind->options[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) kind->options[i]);
  for (guint i = 0; common_options[i] != NULL; i++)
    if (find_option (kind->options, common_options[i]->key) == NULL)
      g_ptr_array_add (all, (gpointer) common_options[i]);
  g_ptr_array_add (all, NULL);
  return (const McOptionInfo **) g_ptr_array_free (all, FALSE);
}

char *
mc_chart_option_get_label (const McOptionInfo *info)
{
  g_autofree char *first = NULL;
  const char *description;

  g_return_val_if_fail (info != NULL, NULL);

  if (info->label != NULL)
    return g_strdup (_(info->label));
  /* "the columns of values" → "The columns of values" */
  description = _(info->description);
  first = g_utf8_strup (description, g_utf8_next_char (description) - description);
  return g_strconcat (first, g_utf8_next_char (description), NULL);
}

const char *
mc_chart_option_get_choice_label (const McOptionInfo *info,
                                  guint               index)
{
  g_return_val_if_fail (info != NULL && info->choices != NULL, NULL);
  g_return_val_if_fail (index < g_strv_length ((char **) info->choices), NULL);

  if (info->choice_labels == NULL)
    return info->choices[index];
  return _(info->choice_labels[index]);
}

gboolean
mc_chart_spec_get_flag (const McChartSpec  *spec,
                        const McOptionInfo *info)
{
  g_return_val_if_fail (spec != NULL && info != NULL, FALSE);

  if (!mc_chart_spec_has_option (spec, info->key))
    return (info->flags & MC_OPTION_DEFAULT_ON) != 0;
  return mc_chart_spec_get_boolean (spec, info->key);
}

const McOptionInfo *
mc_chart_option_lookup (const char *key)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const McOptionInfo *info = find_option (kinds[i]->options, key);

      if (info != NULL)
        return info;
    }
  return find_option (common_options, key);
}

const char *
mc_chart_kind_get_label (const McChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return kind->label != NULL ? _(kind->label) : kind->id;
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

/* Whether @id is one of the values the spec plots: a column of an option
 * of numbers ("y", "close", "size"). */
static gboolean
spec_plots_column (const McChartSpec *spec,
                   const char        *id)
{
  const McChartKind *kind = mc_chart_kind_lookup (spec->type);
  const McOptionInfo * const y_only[] = { &mc_chart_option_y, NULL };
  const McOptionInfo * const *options = kind != NULL ? kind->options : y_only;

  for (guint i = 0; options[i] != NULL; i++)
    {
      g_autofree const char **ids = NULL;

      if (!(options[i]->flags & (MC_OPTION_NUMERIC | MC_OPTION_SERIES)))
        continue;
      ids = mc_chart_spec_get_strv (spec, options[i]->key);
      if (ids == NULL && options[i]->type == MC_OPTION_COLUMN
          && g_strcmp0 (mc_chart_spec_get_string (spec, options[i]->key), id) == 0)
        return TRUE;
      if (ids != NULL && g_strv_contains (ids, id))
        return TRUE;
    }
  return FALSE;
}

const char *
mc_chart_spec_get_x (const McChartSpec *spec,
                     McDataset         *dataset)
{
  const char *x = mc_chart_spec_get_string (spec, "x");
  g_autofree const char **y = NULL;

  if (x != NULL)
    return x;
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      const char *id = mc_column_get_id (mc_dataset_get_column (dataset, i));

      if (!spec_plots_column (spec, id))
        return id;
    }
  /* Every column is plotted: x is the first of them. */
  y = mc_chart_spec_get_strv (spec, "y");
  if (y != NULL || mc_dataset_get_n_columns (dataset) == 0)
    return y != NULL ? y[0] : NULL;
  return mc_column_get_id (mc_dataset_get_column (dataset, 0));
}

gboolean
mc_chart_spec_is_growth (const McChartSpec *spec)
{
  return g_strcmp0 (mc_chart_spec_get_string (spec, "transform"), "growth") == 0;
}

gboolean
mc_chart_spec_is_indexed (const McChartSpec *spec)
{
  return g_strcmp0 (mc_chart_spec_get_string (spec, "transform"), "index") == 0;
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
    g_string_append_printf (out, ngettext (", … (%u column in all)", ", … (%u columns in all)",
                                           n_columns),
                            n_columns);
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
    case MC_OPTION_TEXTS:
      return G_VARIANT_TYPE_STRING_ARRAY;
    case MC_OPTION_BOOLEAN:
      return G_VARIANT_TYPE_BOOLEAN;
    case MC_OPTION_NUMBER:
      return G_VARIANT_TYPE_DOUBLE;
    case MC_OPTION_NAMES:
      return G_VARIANT_TYPE_STRING_ARRAY;
    case MC_OPTION_COLORS:
      return G_VARIANT_TYPE ("a{ss}");
    case MC_OPTION_ANNOTATIONS:
      return MC_ANNOTATIONS_VARIANT_TYPE;
    case MC_OPTION_COLUMN:
    case MC_OPTION_TEXT:
    case MC_OPTION_CHOICE:
    default:
      return G_VARIANT_TYPE_STRING;
    }
}

/* Each colour is a colour of the palette, by name. */
static gboolean
check_colors (const McOptionInfo  *info,
              GVariant            *value,
              McSpecProblem       *where,
              GError             **error)
{
  GVariantIter iter;
  const char *name, *color;
  guint index;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "{&s&s}", &name, &color))
    if (!mc_theme_color_from_name (color, &index))
      {
        g_autofree char *color_shown = mc_text_shown (color);
        g_autofree char *valid = mc_theme_list_color_names ();

        return problem (where, info->key, MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                        _("unknown colour “%s”; expected one of: %s"), color_shown, valid);
      }
  return TRUE;
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
    case MC_OPTION_COLORS:
      return check_colors (info, value, where, error);
    case MC_OPTION_NUMBER:
      if (isfinite (g_variant_get_double (value)))
        return TRUE;
      return problem (where, info->key, MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                      _("“%s” must be a finite number"), info->key);
    case MC_OPTION_BOOLEAN:
    case MC_OPTION_TEXT:
    case MC_OPTION_TEXTS:
    case MC_OPTION_NAMES:
    case MC_OPTION_ANNOTATIONS:
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
      if (info->only_why != NULL)
        /* Translators: “log” (a logarithmic value axis) is only for line
         * charts, scatter charts; this is a bar chart: the length of a
         * bar or an area shows its value, so its axis must start at zero */
        return problem (where, info->key, MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                        _("“%s” (%s) is only for %s; this is %s: %s"), info->key,
                        _(info->description), kinds, _(kind->name), _(info->only_why));
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
  g_autofree const McOptionInfo **options = mc_chart_kind_list_options (kind);

  for (guint i = 0; options[i] != NULL; i++)
    {
      const McOptionInfo *info = options[i];
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

/* A value the axis can't show (zero or less on a logarithmic axis, a
 * negative share) is pointed out at its row rather than dropped. */
static gboolean
check_column_values (const McColumn     *column,
                     const McRowFilter  *filter,
                     gboolean            zero_allowed,
                     const char         *key,
                     const char         *reason,
                     McSpecProblem      *where,
                     GError            **error)
{
  double min, max;

  /* Most columns are all above zero, as their summary says at once: a
   * million rows are not read again at every edit. */
  if (!mc_value_summary_get_range (mc_column_get_summary (column), &min, &max)
      || min > 0 || (zero_allowed && min == 0))
    return TRUE;
  for (guint row = 0; row < mc_column_get_n_rows (column); row++)
    {
      double value = mc_column_get_value (column, row);
      g_autofree char *id_shown = NULL;
      g_autofree char *cell = NULL;

      if (isnan (value) || value > 0 || (zero_allowed && value == 0)
          || !mc_row_filter_keeps (filter, row))
        continue;
      id_shown = mc_text_shown (mc_column_get_id (column));
      cell = mc_format_number (value, mc_format_value_decimals (value, 6));
      /* Translators: row 12 of column “close” is 0; a logarithmic axis
       * shows only values above zero */
      return problem (where, key, MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                      _("row %u of column “%s” is %s; %s"), row + 1, id_shown, cell, reason);
    }
  return TRUE;
}

/* The same for every column the chart reads on its value axis. */
static gboolean
check_axis_values (const McChartKind  *kind,
                   const McChartSpec  *spec,
                   McDataset          *dataset,
                   gboolean            zero_allowed,
                   const char         *key,
                   const char         *reason,
                   McSpecProblem      *where,
                   GError            **error)
{
  g_autoptr(McRowFilter) filter = mc_row_filter_new (spec, dataset);

  for (guint i = 0; kind->options[i] != NULL; i++)
    {
      g_autofree const char **ids = NULL;
      const char *id = NULL;

      if (!(kind->options[i]->flags & MC_OPTION_ON_AXIS))
        continue;
      ids = mc_chart_spec_get_strv (spec, kind->options[i]->key);
      if (ids == NULL)
        id = mc_chart_spec_get_string (spec, kind->options[i]->key);
      for (guint j = 0; ids != NULL ? ids[j] != NULL : j == 0 && id != NULL; j++)
        {
          McColumn *column = mc_dataset_lookup_column (dataset, ids != NULL ? ids[j] : id);

          if (column != NULL
              && !check_column_values (column, filter, zero_allowed, key, reason, where, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
mc_chart_spec_check_positive (const McChartSpec  *spec,
                              McDataset          *dataset,
                              const char         *id,
                              gboolean            zero_allowed,
                              const char         *key,
                              const char         *reason,
                              McSpecProblem      *problem_out,
                              GError            **error)
{
  g_autoptr(McRowFilter) filter = mc_row_filter_new (spec, dataset);
  McColumn *column = mc_dataset_lookup_column (dataset, id);

  return column == NULL
         || check_column_values (column, filter, zero_allowed, key, reason, problem_out, error);
}

static gboolean
takes (const McChartKind *kind,
       const McChartSpec *spec,
       const char        *key)
{
  return mc_chart_spec_get_boolean (spec, key) && mc_chart_kind_get_option (kind, key) != NULL;
}

/* Logarithmic axes and shares of a total: values they can show, and no
 * transform that makes values they can't. */
static gboolean
check_value_domain (const McChartKind  *kind,
                    const McChartSpec  *spec,
                    McDataset          *dataset,
                    McSpecProblem      *where,
                    GError            **error)
{
  if (takes (kind, spec, "log") && mc_chart_spec_is_growth (spec))
    return problem (where, "log", MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                    _("a logarithmic axis can't show growth rates, which may be zero or "
                      "less"));
  if (takes (kind, spec, "log")
      && !check_axis_values (kind, spec, dataset, FALSE, "log",
                             _("a logarithmic axis shows only values above zero"),
                             where, error))
    return FALSE;
  if (takes (kind, spec, "percent")
      && (mc_chart_spec_is_growth (spec) || mc_chart_spec_is_indexed (spec)))
    return problem (where, "percent", MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                    _("shares of a total are of the values themselves, not of a "
                      "“transform”"));
  return !takes (kind, spec, "percent")
         || check_axis_values (kind, spec, dataset, TRUE, "percent",
                               _("shares of a total need values of zero or more"),
                               where, error);
}

/* The limits of a value axis: the minimum below the maximum, and zero
 * between them where lengths are measured from zero. */
static gboolean
check_value_limits (const McChartKind  *kind,
                    const McChartSpec  *spec,
                    McSpecProblem      *where,
                    GError            **error)
{
  double min = mc_chart_spec_get_number (spec, "min");
  double max = mc_chart_spec_get_number (spec, "max");

  if (min >= max)
    return problem (where, "max", MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                    _("the axis maximum must be above its minimum"));
  if (!(kind->caps & MC_CHART_CAPS_ZERO_BASELINE))
    return TRUE;
  if (min > 0)
    return problem (where, "min", MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                    /* Translators: %s is “a bar chart” or “an area chart” */
                    _("%s measures from zero, so that its lengths compare truthfully: the "
                      "axis minimum can be 0 or below, not above"), _(kind->name));
  if (max < 0)
    return problem (where, "max", MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
                    /* Translators: %s is “a bar chart” or “an area chart” */
                    _("%s measures from zero, so that its lengths compare truthfully: the "
                      "axis maximum can be 0 or above, not below"), _(kind->name));
  return TRUE;
}

/* The columns of the options that are the chart's series: "y", "y2",
 * "close". */
static GStrv
series_column_ids (const McChartKind *kind,
                   const McChartSpec *spec)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; kind->options[i] != NULL; i++)
    {
      g_autofree const char **ids = NULL;
      const char *id;

      if (!(kind->options[i]->flags & MC_OPTION_SERIES))
        continue;
      if ((ids = mc_chart_spec_get_strv (spec, kind->options[i]->key)) != NULL)
        g_strv_builder_addv (builder, ids);
      else if ((id = mc_chart_spec_get_string (spec, kind->options[i]->key)) != NULL)
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

/* Each annotation on its own, then against the data: its x values in
 * the x column, its series one the chart draws. */
static gboolean
check_annotations (const McChartKind  *kind,
                   const McChartSpec  *spec,
                   McDataset          *dataset,
                   McSpecProblem      *where,
                   GError            **error)
{
  GVariant *annotations = mc_chart_spec_get_option (spec, "annotations");
  g_auto(GStrv) series_ids = NULL;

  if (annotations == NULL || mc_chart_kind_get_option (kind, "annotations") == NULL)
    return TRUE;
  series_ids = series_column_ids (kind, spec);
  for (gsize i = 0; i < g_variant_n_children (annotations); i++)
    {
      g_autoptr(GVariant) annotation = g_variant_get_child_value (annotations, i);
      g_auto(McAnnotationSpec) read = { 0 };
      const char *key = NULL;
      g_autoptr(GError) local_error = NULL;

      if (mc_annotation_check_fields (annotation, &key, &local_error))
        {
          mc_annotation_spec_read (annotation, &read);
          if (mc_annotation_check_data (&read, dataset, mc_chart_spec_get_x (spec, dataset),
                                        (const char * const *) series_ids,
                                        mc_chart_spec_get_string (spec, "series"),
                                        &key, &local_error))
            continue;
        }
      problem (where, "annotations", MC_SPEC_FAULT_VALUE, error, MC_CHART_ERROR_INVALID,
               /* Translators: an error in one annotation of a chart: its
                * number (1, 2, ...), what is wrong */
               _("annotation %u: %s"), (guint) i + 1, local_error->message);
      where->index = (int) i;
      return FALSE;
    }
  return TRUE;
}

/* The check of @spec, of rows [@from, @to) by the kind's check_rows(). */
static gboolean
check_spec (const McChartSpec  *spec,
            McDataset          *dataset,
            guint               from,
            guint               to,
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
      || !check_series (spec, where, error)
      || !mc_transform_check (spec, dataset, mc_chart_spec_get_x (spec, dataset), where, error)
      || !check_value_domain (kind, spec, dataset, where, error)
      || !check_value_limits (kind, spec, where, error)
      || !check_annotations (kind, spec, dataset, where, error))
    return FALSE;
  if (kind->check != NULL && !kind->check (spec, dataset, where, error))
    return FALSE;
  return from >= to || kind->check_rows == NULL
         || kind->check_rows (spec, dataset, from, to, where, error);
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
  return check_spec (spec, dataset, 0, G_MAXUINT, problem_out, error);
}

/**
 * mc_chart_spec_check_but_rows:
 * @spec: a chart spec
 * @dataset: the data it draws
 * @problem: (out) (optional): where the fault is
 * @error: an error in %MC_CHART_ERROR, as mc_chart_spec_check() gives
 *
 * Checks all that mc_chart_spec_check() does but the kind's check of each
 * row, which a chart's model leaves to its kind's prepare.
 *
 * Returns: whether the chart can be drawn from @dataset, as far as that
 *   tells
 */
gboolean
mc_chart_spec_check_but_rows (const McChartSpec  *spec,
                              McDataset          *dataset,
                              McSpecProblem      *problem_out,
                              GError            **error)
{
  return check_spec (spec, dataset, 0, 0, problem_out, error);
}

/**
 * mc_chart_check_document:
 * @dataset: a dataset as an edit left it
 * @change: what the edit changed
 * @passed_before: whether @dataset passed this check before the edit
 * @error: return location for an error in %MC_CHART_ERROR that names the
 *   chart
 *
 * Every chart is checked whole but for the kinds' checks of each row:
 * when @dataset passed before and the edit changed only cells, the rows
 * that did not change still pass, and only the edited ones are checked
 * again (a million candles are not read for one price).
 *
 * Returns: whether every chart of @dataset can still be drawn
 */
gboolean
mc_chart_check_document (McDataset       *dataset,
                         const McChange  *change,
                         gboolean         passed_before,
                         GError         **error)
{
  gboolean only_cells = passed_before && change->what == MC_CHANGE_CELLS;
  guint from = only_cells ? change->row : 0;
  guint to = only_cells ? change->row + change->n_rows : G_MAXUINT;

  g_return_val_if_fail (MC_IS_DATASET (dataset), FALSE);

  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (dataset, i);
      g_autoptr(GError) chart_error = NULL;

      if (check_spec (spec, dataset, from, to, NULL, &chart_error))
        continue;
      g_set_error (error, MC_CHART_ERROR, chart_error->code,
                   /* Translators: an edit that would break a chart: the
                    * chart's title, what would be wrong */
                   _("The chart “%s” could no longer be drawn: %s"),
                   spec->title != NULL && *spec->title != '\0' ? spec->title : spec->id,
                   chart_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Whether an option of @spec names column @id. */
static gboolean
spec_names_column (const McChartSpec *spec,
                   const char        *id)
{
  g_autofree const McOptionInfo **options =
    mc_chart_kind_list_options (mc_chart_kind_lookup (spec->type));

  for (guint i = 0; options[i] != NULL; i++)
    {
      g_autofree const char **ids = NULL;

      if (options[i]->type == MC_OPTION_COLUMN
          && g_strcmp0 (mc_chart_spec_get_string (spec, options[i]->key), id) == 0)
        return TRUE;
      if (options[i]->type == MC_OPTION_COLUMNS
          && (ids = mc_chart_spec_get_strv (spec, options[i]->key)) != NULL
          && g_strv_contains (ids, id))
        return TRUE;
    }
  return FALSE;
}

/* Whether @id is a number column that @spec does not draw yet. */
static gboolean
unused_number_column (const McChartSpec *spec,
                      McDataset         *dataset,
                      const char        *id)
{
  McColumn *column = id != NULL ? mc_dataset_lookup_column (dataset, id) : NULL;

  return column != NULL && mc_column_get_column_type (column) == MC_COLUMN_NUMBER
         && !spec_names_column (spec, id)
         && g_strcmp0 (id, mc_chart_spec_get_x (spec, dataset)) != 0;
}

/* A number column for option @info, which @spec lacks: one named as the
 * option ("close" for "close"), else one the chart drew as its series
 * as another kind (@before: the closes of candles become the values of
 * a line), else the first that no option names. */
static const char *
choose_number_column (const McChartSpec  *spec,
                      const McChartSpec  *before,
                      McDataset          *dataset,
                      const McOptionInfo *info)
{
  g_autofree const McOptionInfo **options =
    mc_chart_kind_list_options (mc_chart_kind_lookup (before->type));

  for (guint c = 0; c < mc_dataset_get_n_columns (dataset); c++)
    {
      McColumn *column = mc_dataset_get_column (dataset, c);

      if (unused_number_column (spec, dataset, mc_column_get_id (column))
          && (g_ascii_strcasecmp (mc_column_get_id (column), info->key) == 0
              || g_ascii_strcasecmp (mc_column_get_label (column), info->key) == 0))
        return mc_column_get_id (column);
    }
  for (guint i = 0; options[i] != NULL; i++)
    {
      g_autofree const char **ids = NULL;
      const char *id = NULL;

      if (!(options[i]->flags & MC_OPTION_SERIES))
        continue;
      if (options[i]->type == MC_OPTION_COLUMN)
        id = mc_chart_spec_get_string (before, options[i]->key);
      else if ((ids = mc_chart_spec_get_strv (before, options[i]->key)) != NULL)
        for (guint j = 0; id == NULL && ids[j] != NULL; j++)
          if (unused_number_column (spec, dataset, ids[j]))
            id = ids[j];
      if (unused_number_column (spec, dataset, id))
        return mc_column_get_id (mc_dataset_lookup_column (dataset, id));
    }
  for (guint c = 0; c < mc_dataset_get_n_columns (dataset); c++)
    {
      const char *id = mc_column_get_id (mc_dataset_get_column (dataset, c));

      if (unused_number_column (spec, dataset, id))
        return id;
    }
  return NULL;
}

/* Makes one fault of @spec right, if it is one that can be: a list of
 * columns cut to its first, or a missing column chosen. */
static gboolean
fit_problem (McChartSpec         *spec,
             const McChartSpec   *before,
             const McChartKind   *kind,
             McDataset           *dataset,
             const McSpecProblem *where)
{
  const McOptionInfo *info = where->key ? mc_chart_kind_get_option (kind, where->key) : NULL;
  g_autofree const McOptionInfo **options = NULL;

  if (info != NULL && info->type == MC_OPTION_COLUMNS
      && mc_chart_spec_get_strv_length (spec, info->key) > 1)
    {
      g_autofree const char **ids = mc_chart_spec_get_strv (spec, info->key);
      const char *first[] = { ids[0], NULL };

      mc_chart_spec_set_strv (spec, info->key, first);
      return TRUE;
    }
  if (where->fault != MC_SPEC_FAULT_MISSING)
    return FALSE;
  options = mc_chart_kind_list_options (kind);
  for (guint i = 0; options[i] != NULL; i++)
    {
      const char *id;

      if (!(options[i]->flags & MC_OPTION_REQUIRED)
          || mc_chart_spec_has_option (spec, options[i]->key))
        continue;
      if (!(options[i]->flags & MC_OPTION_NUMERIC))
        id = options[i]->type == MC_OPTION_COLUMN ? mc_chart_spec_get_x (spec, dataset) : NULL;
      else
        id = choose_number_column (spec, before, dataset, options[i]);
      if (id == NULL)
        return FALSE;
      if (options[i]->type == MC_OPTION_COLUMNS)
        mc_chart_spec_set_strv (spec, options[i]->key, (const char *[]) { id, NULL });
      else
        mc_chart_spec_set_string (spec, options[i]->key, id);
      return TRUE;
    }
  return FALSE;
}

McChartSpec *
mc_chart_spec_fit_kind (const McChartSpec  *spec,
                        const char         *type,
                        McDataset          *dataset,
                        GError            **error)
{
  const McChartKind *kind = mc_chart_kind_lookup (type);
  g_autoptr(McChartSpec) fitted = NULL;
  g_auto(GStrv) keys = NULL;
  guint n_tries;

  g_return_val_if_fail (spec != NULL && kind != NULL, NULL);
  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);

  fitted = mc_chart_spec_copy (spec);
  g_free (fitted->type);
  fitted->type = g_strdup (type);
  keys = mc_chart_spec_list_options (fitted);
  for (guint i = 0; keys[i] != NULL; i++)
    if (mc_chart_kind_get_option (kind, keys[i]) == NULL)
      mc_chart_spec_set_option (fitted, keys[i], NULL);
  n_tries = g_strv_length (keys) + 1;

  /* Each fix makes one key right, or adds one the kind needs: as many
   * tries as keys and options, and one more. */
  for (guint i = 0; kind->options[i] != NULL; i++)
    n_tries++;
  for (guint tries = 0; tries <= n_tries; tries++)
    {
      g_autoptr(GError) local_error = NULL;
      McSpecProblem where;

      if (mc_chart_spec_check (fitted, dataset, &where, &local_error))
        return g_steal_pointer (&fitted);
      if (!fit_problem (fitted, spec, kind, dataset, &where))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
               /* Translators: %s is “a bar chart”, “a pie chart”… */
               _("the chart cannot be drawn as %s"), _(kind->name));
  return NULL;
}
