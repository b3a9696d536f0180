/* mc-describe.c: a short summary of a chart for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-describe.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-format.h"
#include "mc-render-private.h"

#define MC_DESCRIBE_MAX_SERIES 4
#define MC_DESCRIBE_MAX_GAPS 3

/* The lowest and highest present values of a series: from the summary
 * of a long one, in a few steps. */
static gboolean
series_extremes (const McSeries *series,
                 guint          *lowest,
                 guint          *highest)
{
  gboolean found = FALSE;

  if (series->summary != NULL)
    {
      mc_value_summary_extremes (series->summary, (const double *) (gpointer) series->y->data,
                                 0, mc_series_get_n_points (series), lowest, highest);
      return *lowest != G_MAXUINT;
    }
  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    {
      double v = mc_series_get_y (series, i);

      if (isnan (v))
        continue;
      if (!found || v < mc_series_get_y (series, *lowest))
        *lowest = i;
      if (!found || v > mc_series_get_y (series, *highest))
        *highest = i;
      found = TRUE;
    }
  return found;
}

static char *
point_value (const McSeries *series,
             guint           point)
{
  return mc_series_format_point (series, point, TRUE);
}

/* ", 5 bars, Tencent Cloud highest at USD 70 bn, Microsoft Azure lowest
 * at USD 10 bn" */
void
mc_describe_append_categories (McChartModel *chart,
                               GString      *out)
{
  McSeries *series = mc_chart_model_get_series (chart, 0);
  guint n = mc_chart_model_get_n_categories (chart);
  guint lo = 0, hi = 0;

  g_string_append_printf (out, ngettext (", %u bar", ", %u bars", n), n);
  for (guint c = 0; c + 1 < n; c++)
    if (mc_chart_model_category_break (chart, c))
      /* Translators: in a chart summary, bars of dates far apart: ", no
       * data between Feb 2024 and Feb 2025" */
      g_string_append_printf (out, _(", no data between %s and %s"),
                              mc_chart_model_get_category (chart, c),
                              mc_chart_model_get_category (chart, c + 1));
  if (!series_extremes (series, &lo, &hi))
    return;
  {
    g_autofree char *x_hi = mc_chart_model_format_x (chart, series, hi);
    g_autofree char *v_hi = point_value (series, hi);
    g_autofree char *x_lo = mc_chart_model_format_x (chart, series, lo);
    g_autofree char *v_lo = point_value (series, lo);

    /* Translators: in a chart summary: "Tencent Cloud highest at USD 70 bn" */
    g_string_append_printf (out, _(", %s highest at %s"), x_hi, v_hi);
    if (lo != hi)
      /* Translators: in a chart summary: "Microsoft Azure lowest at USD 10 bn" */
      g_string_append_printf (out, _(", %s lowest at %s"), x_lo, v_lo);
  }
}

/* ", no data from Feb 2024 to Feb 2025": the stretches a line crosses
 * without data. */
static void
append_gaps (McChartModel   *chart,
             const McSeries *series,
             GString        *out)
{
  for (guint i = 0; series->gaps != NULL && i < MIN (series->gaps->len, MC_DESCRIBE_MAX_GAPS); i++)
    {
      guint gap = g_array_index (series->gaps, guint, i);
      g_autofree char *from = mc_chart_model_format_x (chart, series, gap);
      g_autofree char *to = mc_chart_model_format_x (chart, series, gap + 1);

      /* Translators: in a chart summary, a stretch of time without data */
      g_string_append_printf (out, _(", no data from %s to %s"), from, to);
    }
}

static void
append_series (McChartModel *chart,
               guint         index,
               GString      *out)
{
  McSeries *series = mc_chart_model_get_series (chart, index);
  guint lo = 0, hi = 0;
  guint n = mc_series_get_n_points (series);

  if (!series_extremes (series, &lo, &hi))
    {
      /* Translators: in a chart summary, a series without values */
      g_string_append_printf (out, _("; %s: no data"), series->name);
      return;
    }
  {
    g_autofree char *v_hi = point_value (series, hi);
    g_autofree char *x_hi = mc_chart_model_format_x (chart, series, hi);
    g_autofree char *v_lo = point_value (series, lo);
    g_autofree char *x_lo = mc_chart_model_format_x (chart, series, lo);
    guint last = n - 1;

    while (last > 0 && isnan (mc_series_get_y (series, last)))
      last--;
    /* Translators: in a chart summary: "; Share price highest HKD 148 in
     * Feb 2025, lowest HKD 110 in Jan 2024" */
    g_string_append_printf (out, _("; %s highest %s in %s, lowest %s in %s"),
                            series->name, v_hi, x_hi, v_lo, x_lo);
    if (last != hi && last != lo)
      {
        g_autofree char *v_last = point_value (series, last);
        g_autofree char *x_last = mc_chart_model_format_x (chart, series, last);

        /* Translators: in a chart summary: ", last USD 15.4 bn in 2024" */
        g_string_append_printf (out, _(", last %s in %s"), v_last, x_last);
      }
    append_gaps (chart, series, out);
  }
}

static void
append_span (McChartModel *chart,
             GString      *out)
{
  double lo = NAN, hi = NAN;

  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);
      guint n = mc_series_get_n_points (series);

      for (guint i = 0; i < n; i++)
        {
          double x = mc_series_get_x (series, i);

          /* A sorted x spans its first to its last. */
          if (series->x_sorted && i == 1)
            i = n - 1, x = mc_series_get_x (series, i);

          lo = isnan (lo) ? x : MIN (lo, x);
          hi = isnan (hi) ? x : MAX (hi, x);
        }
    }
  if (isnan (lo) || chart->x_kind != MC_X_TIME)
    return;
  {
    McDatePrecision precision = mc_column_get_date_precision (chart->x_column);
    g_autofree char *from = mc_format_date (lo, precision);
    g_autofree char *to = mc_format_date (hi, precision);

    /* Translators: in a chart summary, the time span: ", Jan 2024 to Feb 2025" */
    g_string_append_printf (out, _(", %s to %s"), from, to);
  }
}

/* "; Revenue highest USD 15.4 bn in 2024, lowest …" for each series, at
 * most four, after the time span. */
void
mc_describe_append_series (McChartModel *chart,
                           GString      *out)
{
  append_span (chart, out);
  for (guint s = 0; s < MIN (chart->series->len, MC_DESCRIBE_MAX_SERIES); s++)
    append_series (chart, s, out);
  if (chart->series->len > MC_DESCRIBE_MAX_SERIES)
    {
      guint more = chart->series->len - MC_DESCRIBE_MAX_SERIES;

      g_string_append_printf (out, ngettext ("; and %u more series",
                                             "; and %u more series", more), more);
    }
}

/* What the spec changes in how values read: a logarithmic axis, values
 * indexed to 100, small multiples. */
static void
append_forms (McChartModel *chart,
              GString      *out)
{
  const char *panels = mc_chart_spec_get_string (chart->spec, "panels");

  if (mc_chart_spec_get_boolean (chart->spec, "log")
      && mc_chart_kind_get_option (chart->kind, "log") != NULL)
    g_string_append (out, _("; on a logarithmic scale"));
  if (mc_chart_spec_is_indexed (chart->spec) && chart->series->len > 0)
    /* Translators: in a chart summary: "; values are Index (2 Jan 2024
     * = 100)" */
    g_string_append_printf (out, _("; values are %s"),
                            mc_column_get_label (mc_chart_model_get_series (chart, 0)->column));
  if ((chart->kind->caps & MC_CHART_CAPS_PANELS) && chart->series->len > 1
      && g_strcmp0 (panels, "series") == 0)
    g_string_append (out, _("; one panel per series"));
  else if ((chart->kind->caps & MC_CHART_CAPS_PANELS) && chart->series->len > 1
           && g_strcmp0 (panels, "unit") == 0)
    g_string_append (out, _("; one panel per unit"));
}

/* Annotations */

/* An x of the chart as its axis writes it: "Feb 2025", "Alibaba". */
static char *
format_x (McChartModel *chart,
          double        x)
{
  switch (chart->x_kind)
    {
    case MC_X_CATEGORY:
      return g_strdup (mc_chart_model_get_category (chart, (guint) x));
    case MC_X_TIME:
      return mc_format_date (x, mc_column_get_date_precision (chart->x_column));
    case MC_X_NUMBER:
    default:
      return mc_format_value (chart->x_column, x, chart->x_decimals);
    }
}

/* A value of axis @axis as its series write it: "USD 300 bn". */
static char *
format_axis_value (McChartModel *chart,
                   guint         axis,
                   double        value)
{
  for (guint s = 0; s < chart->series->len; s++)
    {
      McSeries *series = mc_chart_model_get_series (chart, s);

      if (series->axis == axis)
        return mc_series_format_value (series, value, TRUE);
    }
  return mc_format_number (value, mc_format_value_decimals (value, 6));
}

/* Where an annotation is: "Feb 2025", "Feb 2024 to Feb 2025", "at USD
 * 300 bn". */
static char *
annotation_place (McChartModel       *chart,
                  const McAnnotation *annotation)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  switch (annotation->type)
    {
    case MC_ANNOTATION_EVENT:
    case MC_ANNOTATION_CALLOUT:
      return format_x (chart, annotation->x0);
    case MC_ANNOTATION_RANGE:
      from = format_x (chart, annotation->x0);
      to = format_x (chart, annotation->x1);
      /* Translators: in a chart summary, a marked period: "Feb 2024 to
       * Feb 2025" */
      return g_strdup_printf (_("%s to %s"), from, to);
    case MC_ANNOTATION_LINE:
      from = format_axis_value (chart, annotation->axis, annotation->v0);
      /* Translators: in a chart summary, a reference line: "line at USD
       * 300 bn" */
      return g_strdup_printf (_("line at %s"), from);
    case MC_ANNOTATION_BAND:
    case MC_N_ANNOTATION_TYPES:
    default:
      from = format_axis_value (chart, annotation->axis, MIN (annotation->v0, annotation->v1));
      to = format_axis_value (chart, annotation->axis, MAX (annotation->v0, annotation->v1));
      /* Translators: in a chart summary, a band of values: "band from 10 %
       * to 20 %" */
      return g_strdup_printf (_("band from %s to %s"), from, to);
    }
}

/* "; marked: Feb 2025, USD 50 bn AI plan announced; line at USD 300 bn,
 * target" */
static void
append_annotations (McChartModel *chart,
                    GString      *out)
{
  for (guint i = 0; chart->annotations != NULL && i < chart->annotations->len; i++)
    {
      const McAnnotation *annotation = &g_array_index (chart->annotations, McAnnotation, i);
      g_autofree char *place = annotation_place (chart, annotation);

      if (annotation->label != NULL && *annotation->label != '\0')
        /* Translators: in a chart summary, an annotation: where it is,
         * what it says */
        g_string_append_printf (out, _("; marked: %s, %s"), place, annotation->label);
      else
        /* Translators: in a chart summary, an annotation without a
         * label: where it is */
        g_string_append_printf (out, _("; marked: %s"), place);
    }
}

/* "Bar chart, Revenue": how a summary starts. */
GString *
mc_describe_begin (McChartModel *chart,
                   const char   *kind_name)
{
  GString *out = g_string_new (kind_name);

  /* Translators: in a chart summary, after the chart type: ", Revenue" */
  g_string_append_printf (out, _(", %s"), mc_chart_model_get_title (chart));
  return out;
}

/**
 * mc_chart_describe:
 * @chart: a chart model
 * @marks: (nullable): a render of it, when it was drawn: a summary says
 *   how (bars may turn horizontal to fit their labels)
 *
 * Returns: (transfer full): a one-sentence summary for assistive
 *   technologies: "Bar chart, 5 companies, Tencent Cloud highest at USD 70
 *   bn, Microsoft Azure lowest at USD 10 bn"
 */
char *
mc_chart_describe (McChartModel *chart,
                   McMarks      *marks)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);

  out = g_string_new (NULL);
  text = chart->kind->describe (chart, chart->prepared, marks);
  g_string_append (out, text);
  append_forms (chart, out);
  append_annotations (chart, out);
  if (chart->has_estimates)
    g_string_append (out, _("; includes estimates"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}
