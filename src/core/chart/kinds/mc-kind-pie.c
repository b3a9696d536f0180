/* mc-chart-pie.c: pies and donuts with a table of names and shares
 *
 * Slices start at 12 o'clock and run clockwise, largest first when the
 * chart is sorted, "Other" last in grey. Names and percentages sit in a
 * table beside (or under) the pie, in the slices' colours: labels around
 * a pie collide as soon as slices get thin, a table never does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-format.h"
#include "mc-render-private.h"

#define MC_DONUT_HOLE 0.58
#define MC_ESTIMATE_LIGHTEN 0.6
#define MC_PIE_MAX_SLICES 6

/* A slice of a pie, in drawing order. */
typedef struct
{
  guint     category;         /* category index; the Other slice has n */
  guint     point;            /* its point in the series; G_MAXUINT for Other */
  guint     row;              /* dataset row; the Other slice has n_rows */
  double    value;
  double    fraction;         /* of the whole */
  gboolean  other;
  gboolean  estimate;
  guint     color;
} McSlice;

/* What a pie prepares from its series: the slices and the whole. */
typedef struct
{
  GArray   *slices;           /* McSlice */
  double    whole;
  char     *other_label;
} PieData;

static const McOptionInfo pie_option_x = {
  "x", MC_OPTION_COLUMN, MC_OPTION_REQUIRED, N_("the column that names the slices"), NULL, NULL,
  N_("a pie chart needs “x”, the column that names its slices"), N_("Slice Names"), NULL
};

static const McOptionInfo pie_option_donut = {
  "donut", MC_OPTION_BOOLEAN, 0, N_("a ring instead of a disc"), NULL, NULL, NULL,
  N_("Donut"), NULL
};

static const McOptionInfo pie_option_total = {
  "total", MC_OPTION_NUMBER, 0, N_("the whole the slices are part of"), NULL, NULL, NULL,
  N_("Whole"), NULL
};

static const McOptionInfo pie_option_other_label = {
  "other_label", MC_OPTION_TEXT, 0, N_("the name of the remainder"), NULL, NULL, NULL,
  N_("Name of the Remainder"), NULL
};

static const McOptionInfo * const pie_options[] = {
  &pie_option_x,
  &mc_chart_option_y,
  &mc_chart_option_sort,
  &pie_option_donut,
  &pie_option_total,
  &pie_option_other_label,
  &mc_chart_option_filter,
  &mc_chart_option_filter_values,
  &mc_chart_option_aggregate,
  NULL
};

typedef struct
{
  McRender      *r;
  McChartModel  *chart;
  PieData       *data;
  GArray        *slices;
  PangoLayout  **names;
  PangoLayout  **values;
  double         name_width;
  double         value_width;
  double         row_height;
  double         swatch;
  double         cx, cy, radius;
  double         table_x, table_y;
} Pie;

static McSlice *
slice_at (Pie   *p,
          guint  i)
{
  return &g_array_index (p->slices, McSlice, i);
}

static char *
slice_value_text (Pie           *p,
                  const McSlice *slice)
{
  McSeries *series = mc_chart_model_get_series (p->chart, 0);
  const char *unit = mc_column_get_unit (series->column);
  double percent = slice->fraction * 100;
  g_autofree char *share = NULL;
  g_autofree char *number = mc_format_number (percent, mc_format_value_decimals (percent, 1));
  g_autofree char *value = NULL;

  /* Translators: a percentage; write "%s %%" if your language puts a
   * space before the percent sign */
  share = g_strdup_printf (_("%s%%"), number);
  if (g_strcmp0 (unit, "percent") == 0 || g_strcmp0 (unit, "%") == 0)
    {
      /* Shares of 100: the value is the percentage. */
      if (fabs (p->data->whole - 100) < 1e-9)
        return mc_series_format_row_value (series, slice->row, slice->value, TRUE);
      return g_steal_pointer (&share);
    }
  value = mc_series_format_row_value (series, slice->row, slice->value, TRUE);
  /* Translators: a pie slice's value and its share, as in "USD 50 bn · 23%" */
  return g_strdup_printf (_("%s · %s"), value, share);
}

static const char *
slice_name (Pie           *p,
            const McSlice *slice)
{
  if (slice->other)
    return p->data->other_label;
  return mc_chart_model_get_category (p->chart, slice->category);
}

static void
slice_color (Pie           *p,
             const McSlice *slice,
             McColorRole    role,
             McColor       *color)
{
  if (slice->other)
    mc_theme_get_other_color (p->r->theme, role, color);
  else
    mc_theme_get_color (p->r->theme, slice->color, role, color);
  if (mc_render_is_dimmed (p->r, 0, slice->row))
    mc_render_dim (p->r, color);
}

/* Preparing the slices */

static guint
max_category (GArray *slices)
{
  guint max = 0;

  for (guint i = 0; i < slices->len; i++)
    max = MAX (max, g_array_index (slices, McSlice, i).category);
  return max;
}

static int
compare_slices (gconstpointer a,
                gconstpointer b)
{
  const McSlice *sa = a;
  const McSlice *sb = b;

  if (sa->value != sb->value)
    return sa->value < sb->value ? 1 : -1;
  return (int) sa->category - (int) sb->category;
}

static void
collect_slices (McChartModel *chart,
                GArray       *slices,
                double       *sum)
{
  McSeries *series = g_ptr_array_index (chart->series, 0);

  *sum = 0;
  for (guint i = 0; i < series->y->len; i++)
    {
      McSlice slice = { 0 };
      double value = g_array_index (series->y, double, i);

      if (isnan (value))
        continue;
      slice.category = (guint) g_array_index (series->x, double, i);
      slice.point = i;
      slice.row = mc_series_get_row (series, i);
      slice.value = value;
      slice.estimate = mc_series_is_estimate (series, i);
      slice.color = g_array_index (chart->category_colors, guint, slice.category);
      g_array_append_val (slices, slice);
      *sum += value;
    }
}

/* At most six slices: the smallest of the rest go into Other. */
static double
fold_small_slices (GArray *slices)
{
  g_autoptr(GArray) by_size = NULL;
  g_autofree gboolean *keep = NULL;
  double folded = 0;

  if (slices->len <= MC_PIE_MAX_SLICES + 1)
    return 0;

  by_size = g_array_copy (slices);
  g_array_sort (by_size, compare_slices);
  keep = g_new0 (gboolean, slices->len + (gsize) max_category (slices) + 1);
  for (guint i = 0; i < MC_PIE_MAX_SLICES; i++)
    keep[g_array_index (by_size, McSlice, i).category] = TRUE;

  for (guint i = 0; i < slices->len; )
    {
      McSlice *slice = &g_array_index (slices, McSlice, i);

      if (keep[slice->category])
        {
          i++;
          continue;
        }
      folded += slice->value;
      g_array_remove_index (slices, i);
    }
  return folded;
}

/* Gives slices that share a palette colour (more entities than colours)
 * colours no other slice of this pie uses. The grey of slices that are
 * not highlighted is shared. */
static void
unique_slice_colors (GArray *slices)
{
  guint used = 0;

  for (guint i = 0; i < slices->len; i++)
    {
      McSlice *slice = &g_array_index (slices, McSlice, i);
      guint color = slice->color % MC_CHART_PALETTE_SIZE;

      if (slice->color == MC_THEME_NEUTRAL)
        continue;
      if (used & (1u << color))
        for (color = 0; color < MC_CHART_PALETTE_SIZE && (used & (1u << color)); color++)
          ;
      slice->color = color % MC_CHART_PALETTE_SIZE;
      used |= 1u << slice->color;
    }
}

static double
pie_whole (const McChartSpec *spec,
           double             sum)
{
  double total = mc_chart_spec_get_number (spec, "total");

  return isfinite (total) && total > 0 ? total : sum;
}

static void
pie_data_free (gpointer data)
{
  PieData *pie = data;

  g_array_unref (pie->slices);
  g_free (pie->other_label);
  g_free (pie);
}

/* The name of the remainder: a part of a declared total that no row
 * gives is computed, and says so. */
static char *
other_label_for (const McChartSpec *spec,
                 gboolean           computed)
{
  const char *label = mc_chart_spec_get_string (spec, "other_label");

  if (label != NULL)
    return g_strdup (label);
  /* Translators: the slice of a pie that its rows leave of a declared
   * total, such as the rest of a market */
  return g_strdup (computed ? _("Rest, computed") : _("Other"));
}

/* The slices, at most six and the rest as Other, which also takes what
 * the slices leave of a declared total. The check has made sure the
 * values fit. */
static gpointer
pie_prepare (McChartModel  *chart,
             GError       **error)
{
  PieData *data = g_new0 (PieData, 1);
  double sum, other;

  data->slices = g_array_new (FALSE, TRUE, sizeof (McSlice));
  collect_slices (chart, data->slices, &sum);
  data->whole = pie_whole (chart->spec, sum);
  data->other_label = other_label_for (chart->spec, data->whole - sum > data->whole * 1e-9);

  other = fold_small_slices (data->slices) + MAX (0, data->whole - sum);
  if (mc_chart_spec_get_boolean (chart->spec, "sort"))
    g_array_sort (data->slices, compare_slices);
  unique_slice_colors (data->slices);
  if (other > data->whole * 1e-9)
    {
      McSlice slice = { 0 };

      slice.category = chart->categories->len;
      slice.point = G_MAXUINT;
      slice.row = mc_dataset_get_n_rows (chart->data);
      slice.value = other;
      slice.other = TRUE;
      g_array_append_val (data->slices, slice);
    }
  for (guint i = 0; i < data->slices->len; i++)
    g_array_index (data->slices, McSlice, i).fraction =
      g_array_index (data->slices, McSlice, i).value / data->whole;
  return data;
}

/* Checking */

static char *
format_column_value (const McColumn *column,
                     double          value)
{
  return mc_format_value (column, value,
                          mc_format_value_decimals (value, mc_format_column_decimals (column)));
}

/* A pie shows shares of a whole: one column of values, none negative,
 * adding up to no more than the total. */
static gboolean
pie_check (const McChartSpec  *spec,
           McDataset          *dataset,
           McSpecProblem      *problem,
           GError            **error)
{
  g_autofree const char **y = mc_chart_spec_get_strv (spec, "y");
  const McColumn *column, *x;
  double sum = 0, whole, total = mc_chart_spec_get_number (spec, "total");

  *problem = (McSpecProblem) { "y", -1, MC_SPEC_FAULT_VALUE };
  if (g_strv_length ((char **) y) != 1)
    {
      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   _("a pie chart shows exactly one “y” column; found %u"),
                   g_strv_length ((char **) y));
      return FALSE;
    }
  if (!isnan (total) && !(total > 0))
    {
      problem->key = "total";
      g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                           _("the total of a pie chart must be greater than zero"));
      return FALSE;
    }

  problem->key = NULL;
  column = mc_dataset_lookup_column (dataset, y[0]);
  x = mc_dataset_lookup_column (dataset, mc_chart_spec_get_x (spec, dataset));
  for (guint row = 0; row < mc_dataset_get_n_rows (dataset); row++)
    {
      double value = mc_column_get_value (column, row);

      if (isnan (value))
        continue;
      if (value < 0 || isinf (value))
        {
          g_autofree char *text = format_column_value (column, value);
          g_autofree char *name = mc_format_cell (x, row);

          g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_NEGATIVE,
                       _("a pie can't show the negative value %s of “%s”"), text, name);
          return FALSE;
        }
      sum += value;
    }

  whole = pie_whole (spec, sum);
  if (sum > whole * (1 + 1e-9))
    {
      g_autofree char *sum_text = format_column_value (column, sum);
      g_autofree char *whole_text = format_column_value (column, whole);

      g_set_error (error, MC_CHART_ERROR, MC_CHART_ERROR_INVALID,
                   _("the slices add up to %s, more than the total %s"), sum_text, whole_text);
      return FALSE;
    }
  if (whole <= 0)
    {
      g_set_error_literal (error, MC_CHART_ERROR, MC_CHART_ERROR_NO_DATA,
                           _("the pie has no positive values"));
      return FALSE;
    }
  return TRUE;
}

/* The mark of slice @index: computed when it is the remainder. */
static McMark
slice_mark (Pie         *p,
            McMarkShape  shape,
            guint        index)
{
  McSlice *slice = slice_at (p, index);
  McMark mark = { 0 };

  mark.shape = shape;
  mark.point = index;
  mark.row = slice->row;
  mark.datum = slice->point;
  mark.value = slice->value;
  mark.color = slice->other ? G_MAXUINT : slice->color;
  mark.order = index;
  if (slice->other)
    mark.label = mc_render_intern (p->r, p->data->other_label);
  return mark;
}

/* The table */

static void
measure_table (Pie    *p,
               double  max_name_width)
{
  McRender *r = p->r;

  p->name_width = p->value_width = p->row_height = 0;
  for (guint i = 0; i < p->slices->len; i++)
    {
      g_autofree char *value = slice_value_text (p, slice_at (p, i));
      double w, h;

      g_clear_object (&p->names[i]);
      g_clear_object (&p->values[i]);
      p->names[i] = mc_render_layout (r, slice_name (p, slice_at (p, i)), MC_FONT_BODY,
                                      max_name_width, 1);
      p->values[i] = mc_render_layout (r, value, MC_FONT_BODY_BOLD, -1, 0);
      mc_render_layout_size (p->names[i], &w, &h);
      p->name_width = MAX (p->name_width, w);
      p->row_height = MAX (p->row_height, h);
      mc_render_layout_size (p->values[i], &w, &h);
      p->value_width = MAX (p->value_width, w);
    }
  p->row_height += 1.5 * r->unit;
}

static double
table_width (Pie *p)
{
  return p->swatch + 2 * p->r->unit + p->name_width + 4 * p->r->unit + p->value_width;
}

static double
table_height (Pie *p)
{
  return p->slices->len * p->row_height - 1.5 * p->r->unit;
}

static void
draw_table (Pie *p)
{
  McRender *r = p->r;

  for (guint i = 0; i < p->slices->len; i++)
    {
      McSlice *slice = slice_at (p, i);
      double y = p->table_y + i * p->row_height;
      double nw, nh, vw, vh;
      McColor fill;
      McMark mark = slice_mark (p, MC_MARK_RECT, i);

      mc_render_layout_size (p->names[i], &nw, &nh);
      mc_render_layout_size (p->values[i], &vw, &vh);
      slice_color (p, slice, MC_COLOR_ROLE_FILL, &fill);
      mc_render_set_color (r, &fill);
      cairo_rectangle (r->cr, p->table_x, y + (nh - p->swatch) / 2, p->swatch, p->swatch);
      cairo_fill (r->cr);
      mc_render_show (r, p->names[i], p->table_x + p->swatch + 2 * r->unit, y, 0,
                      MC_TEXT_LEGEND, mc_theme_get_text (r->theme));
      mc_render_show (r, p->values[i], p->table_x + table_width (p) - vw, y, 0,
                      MC_TEXT_VALUE_LABEL, mc_theme_get_text (r->theme));
      /* A row of the table stands for its slice. */
      mark.alias = TRUE;
      mark.box = (McRect) { p->table_x, y, table_width (p), nh };
      mc_render_add_mark (r, &mark);
    }
}

/* The pie */

static void
slice_path (Pie    *p,
            double  a0,
            double  a1,
            double  inner)
{
  cairo_t *cr = p->r->cr;

  cairo_new_path (cr);
  cairo_arc (cr, p->cx, p->cy, p->radius, a0, a1);
  if (inner > 0)
    cairo_arc_negative (cr, p->cx, p->cy, inner, a1, a0);
  else
    cairo_line_to (cr, p->cx, p->cy);
  cairo_close_path (cr);
}

/* The bounding box of a ring sector: its corners and any compass point
 * its arc passes. */
static McRect
slice_bounds (Pie    *p,
              double  a0,
              double  a1,
              double  inner)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double angles[8];
  guint n = 0;

  angles[n++] = a0;
  angles[n++] = a1;
  for (int k = -4; k <= 8 && n < G_N_ELEMENTS (angles); k++)
    if (k * G_PI_2 > a0 && k * G_PI_2 < a1)
      angles[n++] = k * G_PI_2;
  for (guint i = 0; i < n; i++)
    for (int ring = 0; ring <= 1; ring++)
      {
        double radius = ring ? p->radius : inner;
        double x = p->cx + radius * cos (angles[i]), y = p->cy + radius * sin (angles[i]);

        x0 = MIN (x0, x), x1 = MAX (x1, x);
        y0 = MIN (y0, y), y1 = MAX (y1, y);
      }
  return (McRect) { x0, y0, x1 - x0, y1 - y0 };
}

static void
hatch_slice (Pie           *p,
             const McColor *color)
{
  McRect box = { p->cx - p->radius, p->cy - p->radius, 2 * p->radius, 2 * p->radius };

  cairo_save (p->r->cr);
  cairo_clip (p->r->cr);
  mc_render_hatch (p->r, &box, color);
  cairo_restore (p->r->cr);
}

static void
draw_slice (Pie    *p,
            guint   index,
            double  a0,
            double  a1,
            double  inner)
{
  McRender *r = p->r;
  McSlice *slice = slice_at (p, index);
  McMark mark = slice_mark (p, MC_MARK_SLICE, index);
  McColor fill, stroke;

  slice_color (p, slice, MC_COLOR_ROLE_FILL, &fill);
  slice_color (p, slice, MC_COLOR_ROLE_STROKE, &stroke);
  if (slice->estimate)
    mc_color_mix (&fill, mc_theme_get_background (r->theme), MC_ESTIMATE_LIGHTEN, &fill);
  slice_path (p, a0, a1, inner);
  mc_render_set_color (r, &fill);
  cairo_fill_preserve (r->cr);
  if (slice->estimate)
    hatch_slice (p, &stroke);
  cairo_new_path (r->cr);

  mark.box = slice_bounds (p, a0, a1, inner);
  mark.cx = p->cx;
  mark.cy = p->cy;
  mark.r0 = inner;
  mark.r1 = p->radius;
  mark.a0 = a0;
  mark.a1 = a1;
  mc_render_add_mark (r, &mark);
}

/* Thin gaps in the background colour keep neighbouring slices apart. */
static void
draw_separators (Pie    *p,
                 double  inner)
{
  McRender *r = p->r;
  double angle = -G_PI_2;

  if (p->slices->len < 2)
    return;
  mc_render_set_color (r, mc_theme_get_background (r->theme));
  cairo_set_line_width (r->cr, 1.5 * r->line);
  for (guint i = 0; i < p->slices->len; i++)
    {
      cairo_move_to (r->cr, p->cx + inner * cos (angle), p->cy + inner * sin (angle));
      cairo_line_to (r->cr, p->cx + p->radius * cos (angle), p->cy + p->radius * sin (angle));
      angle += slice_at (p, i)->fraction * 2 * G_PI;
    }
  if (mc_theme_get_transparent (r->theme))
    cairo_set_operator (r->cr, CAIRO_OPERATOR_CLEAR);
  cairo_stroke (r->cr);
  cairo_set_operator (r->cr, CAIRO_OPERATOR_OVER);
}

static void
draw_pie (Pie *p)
{
  gboolean donut = mc_chart_spec_get_boolean (p->chart->spec, "donut");
  double inner = donut ? p->radius * MC_DONUT_HOLE : 0;
  double angle = -G_PI_2;

  for (guint i = 0; i < p->slices->len; i++)
    {
      double sweep = slice_at (p, i)->fraction * 2 * G_PI;

      draw_slice (p, i, angle, angle + sweep, inner);
      angle += sweep;
    }
  draw_separators (p, inner);
}

/* Layout: the table beside the pie when the canvas is wide, under it
 * when it is tall; whichever leaves the bigger pie. */
static gboolean
layout_pie (Pie          *p,
            const McRect *area)
{
  McRender *r = p->r;
  double gap = 6 * r->unit;
  double side, below, tw, th;

  measure_table (p, area->width * 0.45);
  tw = table_width (p);
  if (tw > area->width)
    {
      /* Narrow: names get what the shares leave of the width. */
      double names = area->width - (tw - p->name_width);

      if (names < r->body)
        return FALSE;
      measure_table (p, names);
      tw = table_width (p);
    }
  th = table_height (p);
  side = MIN (area->height, area->width - tw - gap);
  below = MIN (area->width, area->height - th - gap);
  if (th > area->height && tw > area->width)
    return FALSE;

  if (side >= below && th <= area->height)
    {
      double group = side + gap + tw;

      p->radius = side / 2;
      p->cx = area->x + (area->width - group) / 2 + p->radius;
      p->cy = area->y + area->height / 2;
      p->table_x = p->cx + p->radius + gap;
      p->table_y = p->cy - th / 2;
    }
  else
    {
      p->radius = below / 2;
      p->cx = area->x + area->width / 2;
      p->cy = area->y + p->radius;
      p->table_x = area->x + (area->width - tw) / 2;
      p->table_y = area->y + 2 * p->radius + gap;
    }
  return p->radius >= 1.5 * r->body;
}

static void
pie_draw (McRender      *r,
          gconstpointer  prepared,
          McMarks       *out)
{
  Pie p = { 0 };
  McRect area = r->body_area;

  p.r = r;
  p.chart = r->chart;
  p.data = (PieData *) prepared;
  p.slices = p.data->slices;
  p.swatch = round (r->body * 0.8);
  p.names = g_new0 (PangoLayout *, p.slices->len + 1);
  p.values = g_new0 (PangoLayout *, p.slices->len + 1);

  if (p.slices->len == 0 || !layout_pie (&p, &area))
    mc_render_empty (r, &area, p.slices->len > 0);
  else
    {
      draw_pie (&p);
      draw_table (&p);
    }

  for (guint i = 0; i < p.slices->len; i++)
    {
      g_clear_object (&p.names[i]);
      g_clear_object (&p.values[i]);
    }
  g_free (p.names);
  g_free (p.values);
}

/* Describing */

static char *
pie_describe (McChartModel  *chart,
              gconstpointer  prepared,
              McMarks       *marks)
{
  const PieData *data = prepared;
  GString *out = mc_describe_begin (chart, mc_chart_spec_get_boolean (chart->spec, "donut")
                                           ? _("Donut chart") : _("Pie chart"));
  guint n = data->slices->len;
  McSeries *series = mc_chart_model_get_series (chart, 0);

  g_string_append_printf (out, ngettext (", %u slice", ", %u slices", n), n);
  for (guint i = 0; i < n; i++)
    {
      const McSlice *slice = &g_array_index (data->slices, McSlice, i);
      g_autofree char *value = mc_series_format_row_value (series, slice->row, slice->value, TRUE);
      double percent = slice->fraction * 100;
      g_autofree char *share = mc_format_number (percent, mc_format_value_decimals (percent, 1));

      const char *name = slice->other ? data->other_label
                                      : mc_chart_model_get_category (chart, slice->category);
      const char *unit = mc_column_get_unit (series->column);

      /* Shares of 100 are their own percentages. */
      if ((g_strcmp0 (unit, "percent") == 0 || g_strcmp0 (unit, "%") == 0)
          && fabs (data->whole - 100) < 1e-9)
        /* Translators: one slice in a chart summary: ", Amazon AWS 32%" */
        g_string_append_printf (out, _(", %s %s"), name, value);
      else
        /* Translators: one slice in a chart summary: ", Amazon AWS USD 50 bn
         * (32%)" */
        g_string_append_printf (out, _(", %s %s (%s%%)"), name, value, share);
    }
  return g_string_free (out, FALSE);
}

const McChartKind mc_chart_kind_pie = {
  .id = "pie",
  .name = N_("a pie chart"),
  .plural = N_("pie charts"),
  .label = N_("Pie Chart"),
  .caps = MC_CHART_CAPS_CATEGORY_X | MC_CHART_CAPS_CATEGORY_COLORS,
  .options = pie_options,
  .check = pie_check,
  .prepare = pie_prepare,
  .free_prepared = pie_data_free,
  .draw = pie_draw,
  .describe = pie_describe,
};
