/* mc-kind-waterfall.c: a bridge from a start value to an end total
 *
 * The first row is the start, drawn from zero; each following row is a
 * step up or down from where the one before it ended; rows named in
 * "totals" are subtotals drawn from zero (their value as given, or the
 * running total when they have none), and "end" adds the end total.
 * Every step is labelled with its change, every total with its value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-format.h"
#include "mc-render-private.h"
#include "mc-transform.h"

#define MC_STEP_SHARE 0.62

typedef struct
{
  gboolean total;
  double   from;       /* where the bar starts and ends */
  double   to;
  guint    point;      /* its point in the series; G_MAXUINT when computed */
  guint    row;
  gboolean estimate;   /* an estimated change, or a total of one */
} Step;

/* What a waterfall prepares: one step per category. */
typedef struct
{
  GArray *steps;       /* Step */
} WaterfallData;

typedef struct
{
  McRender            *r;
  McChartModel        *chart;
  const WaterfallData *data;
  gboolean             short_labels;  /* numbers without their unit */
  McLinearScale        scale;
  McRect               plot;
  double               band;
  guint               *order;
  McLabelFit           fit;
} Waterfall;

static McSeries *
values (McChartModel *chart)
{
  return mc_chart_model_get_series (chart, 0);
}

/* Preparing */

static void
waterfall_data_free (gpointer data)
{
  WaterfallData *waterfall = data;

  g_array_unref (waterfall->steps);
  g_free (waterfall);
}

static gboolean
is_total (McChartModel *chart,
          guint         category)
{
  g_autofree const char **totals = mc_chart_spec_get_strv (chart->spec, "totals");

  return category == 0
         || (totals != NULL
             && g_strv_contains (totals, mc_chart_model_get_category (chart, category)));
}

/* The point of the series at @category, or G_MAXUINT. */
static guint
point_of (McSeries *series,
          guint     category)
{
  for (guint i = 0; i < mc_series_get_n_points (series); i++)
    if ((guint) mc_series_get_x (series, i) == category)
      return i;
  return G_MAXUINT;
}

static gpointer
waterfall_prepare (McChartModel  *chart,
                   GError       **error)
{
  WaterfallData *data = g_new0 (WaterfallData, 1);
  McSeries *series = values (chart);
  const char *end = mc_chart_spec_get_string (chart->spec, "end");
  double running = 0;
  gboolean estimated = FALSE;

  data->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  for (guint c = 0; c < mc_chart_model_get_n_categories (chart); c++)
    {
      guint point = point_of (series, c);
      double value = point != G_MAXUINT ? mc_series_get_y (series, point) : NAN;
      Step step = { is_total (chart, c), running, running, point, 0 };

      step.row = point != G_MAXUINT ? mc_series_get_row (series, point)
                                    : mc_dataset_get_n_rows (chart->data);
      step.estimate = point != G_MAXUINT && mc_series_is_estimate (series, point);
      if (step.total)
        {
          /* A total as given, or the running total where none is: an
           * estimate when a step it adds up is one. */
          step.from = 0;
          step.to = running = isnan (value) ? running : value;
          if (isnan (value))
            step.point = G_MAXUINT;
          step.estimate = step.estimate || (isnan (value) && estimated);
          estimated = step.estimate;
        }
      else if (!isnan (value))
        step.to = running = running + value;
      estimated = estimated || step.estimate;
      g_array_append_val (data->steps, step);
    }
  if (end != NULL)
    {
      Step step = { TRUE, 0, running, G_MAXUINT, mc_dataset_get_n_rows (chart->data), estimated };
      double no_date = NAN;

      /* The end total is a category of its own, after the rows. */
      g_ptr_array_add (chart->categories, g_strdup (end));
      g_array_append_val (chart->category_days, no_date);
      g_array_append_val (data->steps, step);
    }
  return data;
}

static const Step *
step_at (Waterfall *w,
         guint      i)
{
  return &g_array_index (w->data->steps, Step, i);
}

/* Labels */

/* "+USD 12 bn", "−USD 5 bn", or the total "USD 112 bn". */
static char *
step_value_text (Waterfall  *w,
                 const Step *step,
                 gboolean    with_unit)
{
  McSeries *series = values (w->chart);
  g_autofree char *text = mc_series_format_value (series, fabs (step->to - step->from), with_unit);
  g_autofree char *value = NULL;

  if (step->total)
    value = mc_series_format_value (series, step->to, with_unit);
  else
    /* Translators: a rise of a waterfall step, as in "+USD 12 bn" */
    value = g_strdup_printf (step->to >= step->from ? _("+%s") : _("−%s"), text);
  if (step->estimate)
    /* Translators: a value label followed by the estimate mark */
    return g_strdup_printf (_("%s Est."), value);
  return g_steal_pointer (&value);
}

/* "+USD 12 bn, to USD 112 bn" */
static char *
step_text (Waterfall  *w,
           const Step *step)
{
  g_autofree char *change = step_value_text (w, step, TRUE);
  g_autofree char *level = NULL;

  if (step->total)
    return g_steal_pointer (&change);
  level = mc_series_format_value (values (w->chart), step->to, TRUE);
  /* Translators: the change of a waterfall step and where it ends, as in
   * "+USD 12 bn, to USD 112 bn" */
  return g_strdup_printf (_("%s, to %s"), change, level);
}

/* Geometry */

static McRect
step_rect (Waterfall  *w,
           guint       slot,
           const Step *step)
{
  double group = w->band * MC_STEP_SHARE;
  double p0 = mc_linear_scale_map (&w->scale, step->from);
  double p1 = mc_linear_scale_map (&w->scale, step->to);

  return (McRect) { w->plot.x + slot * w->band + (w->band - group) / 2, MIN (p0, p1), group,
                    MAX (fabs (p1 - p0), w->r->line) };
}

/* Rises and falls in their colours, totals and the steps a highlight
 * leaves out in grey. */
static guint
step_color (Waterfall  *w,
            guint       slot,
            const Step *step)
{
  if (step->total || mc_chart_model_greys (w->chart, slot, 0))
    return MC_THEME_NEUTRAL;
  return step->to >= step->from ? MC_COLOR_UP : MC_COLOR_DOWN;
}

static void
step_colors (Waterfall  *w,
             guint       slot,
             const Step *step,
             McColor    *fill,
             McColor    *stroke)
{
  guint index = step_color (w, slot, step);

  mc_theme_get_color (w->r->theme, index, MC_COLOR_ROLE_FILL, fill);
  mc_theme_get_color (w->r->theme, index, MC_COLOR_ROLE_STROKE, stroke);
  if (mc_render_is_dimmed (w->r, 0, step->row))
    {
      mc_render_dim (w->r, fill);
      mc_render_dim (w->r, stroke);
    }
}

/* Drawing */

static void
add_step_mark (Waterfall    *w,
               guint         slot,
               const Step   *step,
               const McRect *rect)
{
  g_autofree char *text = step_text (w, step);
  McMark mark = { 0 };

  mark.shape = MC_MARK_RECT;
  mark.point = slot;
  mark.row = step->row;
  mark.datum = step->point;
  mark.color = step_color (w, slot, step);
  mark.value = step->to;
  mark.label = mc_render_intern (w->r, mc_chart_model_get_category (w->chart, slot));
  mark.text = mc_render_intern (w->r, text);
  mark.order = slot;
  mark.box = *rect;
  mc_render_add_mark (w->r, &mark);
}

/* A thin line from the end of one step to the start of the next. */
static void
draw_connector (Waterfall    *w,
                const McRect *from,
                const McRect *to,
                double        level)
{
  McRender *r = w->r;
  double y = mc_render_snap (r, mc_linear_scale_map (&w->scale, level), r->line);
  double dash[] = { 2 * r->line, 2 * r->line };

  mc_render_set_color (r, mc_theme_get_axis (r->theme));
  cairo_set_line_width (r->cr, r->line);
  cairo_set_dash (r->cr, dash, 2, 0);
  cairo_move_to (r->cr, from->x + from->width, y);
  cairo_line_to (r->cr, to->x, y);
  cairo_stroke (r->cr);
  cairo_set_dash (r->cr, NULL, 0, 0);
}

static void
draw_steps (Waterfall *w)
{
  McRender *r = w->r;
  McRect previous = { 0 };

  for (guint slot = 0; slot < w->data->steps->len; slot++)
    {
      const Step *step = step_at (w, slot);
      McRect rect = step_rect (w, slot, step);
      McRect box = mc_render_snap_rect (r, &rect);
      McColor fill, stroke;

      step_colors (w, slot, step, &fill, &stroke);
      mc_render_bar (r, &box, &fill, &stroke, step->estimate);
      if (slot > 0)
        draw_connector (w, &previous, &rect, step->total ? step->to : step->from);
      add_step_mark (w, slot, step, &rect);
      previous = rect;
    }
}

/* Each step's change above it (a fall's below it), or inside its end
 * where outside is taken; none where neither is free. */
static void
draw_step_label (Waterfall  *w,
                 guint       slot,
                 const Step *step)
{
  McRender *r = w->r;
  g_autofree char *text = step_value_text (w, step, !w->short_labels);
  g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
  McRect rect = step_rect (w, slot, step);
  gboolean down = !step->total && step->to < step->from;
  double lw, lh;

  mc_render_layout_size (layout, &lw, &lh);
  for (int inside = 0; inside <= 1; inside++)
    {
      double x = rect.x + (rect.width - lw) / 2, y;
      McTextBox box;

      if (down)
        y = inside ? rect.y + rect.height - r->unit - lh : rect.y + rect.height + r->unit;
      else
        y = inside ? rect.y + r->unit : rect.y - r->unit - lh;
      box = mc_render_box_for (layout, x, y, 0);
      if (lw > w->band || (inside && (lh + 2 * r->unit > rect.height || lw > rect.width))
          || y < w->plot.y - lh || y + lh > w->plot.y + w->plot.height
          || !mc_render_value_label_is_clear (r, &box))
        continue;
      mc_render_show (r, layout, x, y, 0, MC_TEXT_VALUE_LABEL,
                      inside && !step->total ? mc_theme_get_background (r->theme)
                                             : mc_theme_get_text (r->theme));
      return;
    }
}

/* Layout */

static void
levels_range (Waterfall *w,
              double    *lo,
              double    *hi)
{
  *lo = *hi = 0;
  for (guint i = 0; i < w->data->steps->len; i++)
    {
      *lo = MIN (*lo, MIN (step_at (w, i)->from, step_at (w, i)->to));
      *hi = MAX (*hi, MAX (step_at (w, i)->from, step_at (w, i)->to));
    }
  mc_render_annotations_domain (w->r, 0, lo, hi);
}

static void
layout_plot (Waterfall    *w,
             const McRect *area)
{
  McRender *r = w->r;
  double lo, hi, label_h = mc_render_line_height (r, MC_FONT_BODY), gap = 2 * r->unit;
  guint n = w->data->steps->len;

  levels_range (w, &lo, &hi);
  w->fit.height = label_h;
  w->plot.y = area->y + label_h / 2;
  for (guint pass = 0; pass < 3; pass++)
    {
      double overhang;

      w->plot.height = MAX (1, area->y + area->height - gap - w->fit.height - w->plot.y);
      mc_render_value_scale (r, &w->scale, lo, hi, TRUE, w->plot.height,
                             r->show_values ? label_h + 2 * r->unit : 0);
      w->plot.x = area->x + mc_render_value_ticks_width (r, &w->scale, values (w->chart)) + gap;
      w->plot.width = MAX (1, area->x + area->width - w->plot.x);
      w->band = w->plot.width / MAX (1, n);
      mc_render_fit_categories (r, w->order, w->band, area->height * 0.3, TRUE, &w->fit);
      overhang = mc_render_categories_left_overhang (r, &w->fit, w->order, w->band);
      if (w->plot.x < area->x + overhang)
        {
          w->plot.x = area->x + overhang;
          w->plot.width = MAX (1, area->x + area->width - w->plot.x);
          w->band = w->plot.width / MAX (1, n);
        }
    }
  mc_linear_scale_set_range (&w->scale, w->plot.y + w->plot.height, w->plot.y);
}

/* Labels with their unit when every one fits its band; else all of
 * them as bare numbers, which the axis title gives the unit of. */
static gboolean
full_labels_fit (Waterfall *w)
{
  for (guint i = 0; i < w->data->steps->len; i++)
    {
      g_autofree char *text = step_value_text (w, step_at (w, i), TRUE);

      if (mc_render_text_width (w->r, text, MC_FONT_BODY, NULL) > w->band)
        return FALSE;
    }
  return TRUE;
}

/* A callout points at the top of its step's bar. */
static gboolean
step_anchor (gpointer  data,
             guint     series,
             guint     point,
             double   *x,
             double   *y)
{
  Waterfall *w = data;

  for (guint slot = 0; slot < w->data->steps->len; slot++)
    if (step_at (w, slot)->point == point)
      {
        McRect rect = step_rect (w, slot, step_at (w, slot));

        *x = rect.x + rect.width / 2;
        *y = rect.y;
        return TRUE;
      }
  return FALSE;
}

static void
render_waterfall (Waterfall *w,
                  McRect    *area)
{
  McRender *r = w->r;
  McAxes axes = { 0 };
  McAnnotationFrame frame = { .axes = &axes, .anchor = step_anchor, .data = w };
  g_autofree char *title = mc_render_axis_title (r, (McSeries *[]) { values (w->chart) }, 1);
  g_autoptr(PangoLayout) layout = mc_render_layout (r, title, MC_FONT_BODY, area->width, 1);

  mc_render_axis_title_above (r, layout, area);
  layout_plot (w, area);
  axes.plot = w->plot;
  axes.x_kind = MC_X_CATEGORY;
  axes.x_band = w->band;
  axes.y[0] = axes.y[1] = w->scale;
  mc_render_value_grid (r, &w->scale, &w->plot, TRUE, TRUE);
  mc_render_annotations_under (r, &frame);
  draw_steps (w);
  mc_render_value_ticks (r, &w->scale, values (w->chart), &w->plot, FALSE,
                         mc_theme_get_text_secondary (r->theme));
  mc_render_categories (r, &w->fit, w->order, w->plot.x + w->band / 2, w->band,
                        w->plot.y + w->plot.height + 2 * r->unit);
  w->short_labels = !full_labels_fit (w);
  for (guint slot = 0; r->show_values && slot < w->data->steps->len; slot++)
    draw_step_label (w, slot, step_at (w, slot));
  mc_render_annotations_over (r, &frame);
}

static void
waterfall_draw (McRender      *r,
                gconstpointer  prepared,
                McMarks       *out)
{
  Waterfall w = { 0 };
  McRect area = r->body_area;
  guint n;

  w.r = r;
  w.chart = r->chart;
  w.data = prepared;
  n = w.data->steps->len;
  w.order = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    w.order[i] = i;
  if (n == 0 || area.height < 6 * r->body || area.width < 8 * r->body)
    mc_render_empty (r, &area, n > 0);
  else
    render_waterfall (&w, &area);
  g_free (w.order);
}

/* Describing */

static char *
waterfall_describe (McChartModel  *chart,
                    gconstpointer  prepared,
                    McMarks       *marks)
{
  const WaterfallData *data = prepared;
  McSeries *series = values (chart);
  GString *out = mc_describe_begin (chart, _("Waterfall chart"));
  guint ups = 0, downs = 0;
  const Step *first, *last;
  g_autofree char *from = NULL, *to = NULL;

  if (data->steps->len == 0)
    return g_string_free (out, FALSE);
  for (guint i = 0; i < data->steps->len; i++)
    {
      const Step *step = &g_array_index (data->steps, Step, i);

      if (!step->total && step->to != step->from)
        step->to > step->from ? ups++ : downs++;
    }
  first = &g_array_index (data->steps, Step, 0);
  last = &g_array_index (data->steps, Step, data->steps->len - 1);
  from = mc_series_format_value (series, first->to, TRUE);
  to = mc_series_format_value (series, last->to, TRUE);
  /* Translators: in a chart summary: ", from USD 100 bn (2023) to USD
   * 112 bn (2024)" */
  g_string_append_printf (out, _(", from %s (%s) to %s (%s)"), from,
                          mc_chart_model_get_category (chart, 0), to,
                          mc_chart_model_get_category (chart, data->steps->len - 1));
  g_string_append_printf (out, ngettext ("; %u increase", "; %u increases", ups), ups);
  g_string_append_printf (out, ngettext (", %u decrease", ", %u decreases", downs), downs);
  return g_string_free (out, FALSE);
}

/* Checking */

static gboolean
waterfall_check (const McChartSpec  *spec,
                 McDataset          *dataset,
                 McSpecProblem      *problem,
                 GError            **error)
{
  guint n_y = mc_chart_spec_get_strv_length (spec, "y");
  g_autofree const char **totals = mc_chart_spec_get_strv (spec, "totals");
  McColumn *x = mc_dataset_lookup_column (dataset, mc_chart_spec_get_x (spec, dataset));

  if (n_y != 1)
    {
      *problem = (McSpecProblem) { "y", -1, MC_SPEC_FAULT_VALUE };
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   _("a waterfall chart shows one “y” column of changes; found %u"), n_y);
      return FALSE;
    }
  for (guint i = 0; totals != NULL && x != NULL && totals[i] != NULL; i++)
    {
      guint row;

      if (mc_transform_find_row (dataset, mc_column_get_id (x), totals[i], &row))
        continue;
      *problem = (McSpecProblem) { "totals", (int) i, MC_SPEC_FAULT_REFERENCE };
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   /* Translators: no row is named “Subtotl” in column “step” */
                   _("no row is named “%s” in column “%s”"), totals[i], mc_column_get_id (x));
      return FALSE;
    }
  return TRUE;
}

static const McOptionInfo waterfall_option_x = {
  "x", MC_OPTION_COLUMN, MC_OPTION_CHOSEN, N_("the column that names the steps"), NULL, NULL,
  NULL, N_("Steps")
};

static const McOptionInfo waterfall_option_totals = {
  "totals", MC_OPTION_TEXTS, 0,
  N_("the steps that are subtotals, drawn from zero: their value, or the running total "
     "where they have none"), NULL, NULL, NULL, N_("Subtotals"), NULL, NULL,
  "x"
};

static const McOptionInfo waterfall_option_end = {
  "end", MC_OPTION_TEXT, 0, N_("the name of an end total added after the last step"),
  NULL, NULL, NULL, N_("End Total")
};

static const McOptionInfo * const waterfall_options[] = {
  &waterfall_option_x,
  &mc_chart_option_y,
  &waterfall_option_totals,
  &waterfall_option_end,
  &mc_chart_option_filter,
  &mc_chart_option_filter_values,
  &mc_chart_option_value_labels,
  &mc_chart_option_annotations,
  NULL
};

const McChartKind mc_chart_kind_waterfall = {
  .id = "waterfall",
  .name = N_("a waterfall chart"),
  .plural = N_("waterfall charts"),
  .label = N_("Waterfall Chart"),
  .caps = MC_CHART_CAPS_CATEGORY_X,
  .options = waterfall_options,
  .check = waterfall_check,
  .prepare = waterfall_prepare,
  .free_prepared = waterfall_data_free,
  .draw = waterfall_draw,
  .describe = waterfall_describe,
};
