/* mc-chart-bar.c: vertical and horizontal bars, grouped or stacked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-format.h"
#include "mc-render-private.h"

/* Share of a category's band that its bar (or group of bars) fills. */
#define MC_BAR_SHARE 0.62
#define MC_GROUP_SHARE 0.78
/* The widest category label column of horizontal bars. */
#define MC_LABEL_COLUMN_SHARE 0.36

/* What a bar chart prepares: the column of its notes. */
typedef struct
{
  const McColumn *notes;      /* nullable; the model's snapshot */
} BarData;

typedef struct
{
  McRender      *r;
  McChartModel  *chart;
  const BarData *data;
  guint          n_categories;
  guint         *order;       /* categories in display order */
  guint         *visible;     /* visible series */
  guint          n_visible;
  double        *values;      /* [series * n_categories + category] */
  guint8        *estimates;
  guint         *rows;        /* the dataset row of each value */
  guint         *points;      /* the point of its series of each value */
  gboolean       stacked;
  gboolean       horizontal;
  gboolean       value_labels;
  gboolean       row_notes;   /* the "notes" column's too, not only "Est." */
  gboolean       no_axis;     /* every bar carries its value: no value
                               * axis, no grid */
  McLinearScale  scale;
  McRect         plot;
  double         band;
  double         label_column;  /* horizontal: width of the category labels */
  McLabelFit     fit;
} Bars;

typedef enum
{
  LABEL_FULL,       /* "USD 50 bn" on every bar */
  LABEL_UNIT_ONCE,  /* "USD 70 bn" on a series' first bar, "50" on the
                     * others: the unit is not repeated on every bar */
  LABEL_SHORT,      /* "50", where the axis names the unit */
} LabelForm;

static gpointer
bar_prepare (McChartModel  *chart,
             GError       **error)
{
  BarData *data = g_new0 (BarData, 1);
  const char *notes = mc_chart_spec_get_string (chart->spec, "notes");

  if (notes != NULL)
    data->notes = mc_chart_model_get_column (chart, notes);
  return data;
}

static double
bar_value (Bars  *b,
           guint  series,
           guint  category)
{
  return b->values[series * b->n_categories + category];
}

/* Highlights name dataset rows, as hits do. */
static gboolean
bar_dimmed (Bars  *b,
            guint  series,
            guint  category)
{
  return mc_render_is_dimmed (b->r, series, b->rows[series * b->n_categories + category]);
}

static gboolean
bar_estimate (Bars  *b,
              guint  series,
              guint  category)
{
  return b->estimates[series * b->n_categories + category];
}

/* Data */

static void
bars_fill_values (Bars *b)
{
  guint n_series = mc_chart_model_get_n_series (b->chart);

  b->values = g_new (double, (gsize) n_series * b->n_categories + 1);
  b->estimates = g_new0 (guint8, (gsize) n_series * b->n_categories + 1);
  b->rows = g_new0 (guint, (gsize) n_series * b->n_categories + 1);
  b->points = g_new0 (guint, (gsize) n_series * b->n_categories + 1);
  for (gsize i = 0; i < (gsize) n_series * b->n_categories; i++)
    b->values[i] = NAN;

  for (guint s = 0; s < n_series; s++)
    {
      McSeries *series = mc_chart_model_get_series (b->chart, s);

      if (mc_render_series_visible (b->r, s))
        b->visible[b->n_visible++] = s;
      for (guint i = 0; i < mc_series_get_n_points (series); i++)
        {
          guint c = (guint) mc_series_get_x (series, i);

          b->values[s * b->n_categories + c] = mc_series_get_y (series, i);
          b->estimates[s * b->n_categories + c] = mc_series_is_estimate (series, i);
          b->rows[s * b->n_categories + c] = mc_series_get_row (series, i);
          b->points[s * b->n_categories + c] = i;
        }
    }
}

static double
bars_sort_key (Bars  *b,
               guint  category)
{
  double total = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < b->n_visible; i++)
    {
      double v = bar_value (b, b->visible[i], category);

      if (isnan (v))
        continue;
      if (!b->stacked)
        return v;
      total += v;
      any = TRUE;
    }
  return any ? total : NAN;
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  Bars *bars = data;
  guint ca = *(const guint *) a, cb = *(const guint *) b;
  double va = bars_sort_key (bars, ca), vb = bars_sort_key (bars, cb);

  if (isnan (va) != isnan (vb))
    return isnan (va) ? 1 : -1;
  if (!isnan (va) && va != vb)
    return va < vb ? 1 : -1;
  return (int) ca - (int) cb;
}

static void
bars_order (Bars *b)
{
  b->order = g_new (guint, b->n_categories + 1);
  for (guint c = 0; c < b->n_categories; c++)
    b->order[c] = c;
  if (mc_chart_spec_get_boolean (b->chart->spec, "sort") && b->n_visible > 0)
    g_qsort_with_data (b->order, b->n_categories, sizeof (guint), compare_categories, b);
}

static void
bars_domain (Bars   *b,
             double *lo,
             double *hi)
{
  *lo = NAN;
  *hi = NAN;
  for (guint c = 0; c < b->n_categories; c++)
    {
      double pos = 0, neg = 0;

      for (guint i = 0; i < b->n_visible; i++)
        {
          double v = bar_value (b, b->visible[i], c);

          if (isnan (v))
            continue;
          if (b->stacked)
            {
              if (v >= 0)
                pos += v;
              else
                neg += v;
              continue;
            }
          *lo = isnan (*lo) ? v : MIN (*lo, v);
          *hi = isnan (*hi) ? v : MAX (*hi, v);
        }
      if (b->stacked)
        {
          *lo = isnan (*lo) ? neg : MIN (*lo, neg);
          *hi = isnan (*hi) ? pos : MAX (*hi, pos);
        }
    }
  mc_render_annotations_domain (b->r, 0, lo, hi);
  {
    gboolean zero = TRUE;

    mc_render_panel_domain (b->r, lo, hi, &zero);
  }
}

static gboolean
bars_have_data (Bars *b)
{
  for (guint i = 0; i < b->n_visible; i++)
    for (guint c = 0; c < b->n_categories; c++)
      if (!isnan (bar_value (b, b->visible[i], c)))
        return TRUE;
  return FALSE;
}

/* Geometry */

/* The rectangle of one bar (or stacked segment) in pixels. */
static McRect
bar_rect (Bars   *b,
          guint   slot,
          guint   visible_index,
          double  from,
          double  to)
{
  double share = (b->n_visible > 1 && !b->stacked) ? MC_GROUP_SHARE : MC_BAR_SHARE;
  double group = b->band * share;
  double thick = b->stacked ? group : group / MAX (1, b->n_visible);
  double offset = slot * b->band + (b->band - group) / 2 + (b->stacked ? 0 : visible_index * thick);
  double p0 = mc_linear_scale_map (&b->scale, from);
  double p1 = mc_linear_scale_map (&b->scale, to);
  double gap = (b->n_visible > 1 && !b->stacked) ? b->r->line * 0.5 : 0;

  if (b->horizontal)
    return (McRect) { MIN (p0, p1), b->plot.y + offset + gap, fabs (p1 - p0), thick - 2 * gap };
  return (McRect) { b->plot.x + offset + gap, MIN (p0, p1), thick - 2 * gap, fabs (p1 - p0) };
}

/* Drawing bars */

static void
draw_bar (Bars         *b,
          const McRect *rect,
          guint         slot,
          guint         series,
          guint         category,
          gboolean      estimate)
{
  McRender *r = b->r;
  McRect box = mc_render_snap_rect (r, rect);
  gboolean dimmed = bar_dimmed (b, series, category);
  McColor fill, stroke;
  McMark mark = { 0 };

  mark.shape = MC_MARK_RECT;
  mark.series = series;
  mark.point = category;
  mark.row = b->rows[series * b->n_categories + category];
  mark.datum = b->points[series * b->n_categories + category];
  mark.color = mc_chart_model_get_category_color (b->chart, category, series);
  mark.order = slot;
  mark.box = *rect;

  mc_render_series_color (r, series, category, MC_COLOR_ROLE_FILL, &fill);
  mc_render_series_color (r, series, category, MC_COLOR_ROLE_STROKE, &stroke);
  if (dimmed)
    {
      mc_render_dim (r, &fill);
      mc_render_dim (r, &stroke);
    }
  mc_render_add_mark (r, &mark);
  mc_render_bar (r, &box, &fill, &stroke, estimate);
}

/* Bars beyond limits the spec sets end at the plot's edge, along the
 * value axis. */
static void
clip_bars (Bars *b)
{
  McRender *r = b->r;

  if (b->horizontal)
    cairo_rectangle (r->cr, b->plot.x, 0, b->plot.width, r->height);
  else
    cairo_rectangle (r->cr, 0, b->plot.y, r->width, b->plot.height);
  cairo_clip (r->cr);
}

static void
draw_bars (Bars *b)
{
  double lo = NAN, hi = NAN;

  cairo_save (b->r->cr);
  if (mc_render_value_limits (b->r, &lo, &hi))
    clip_bars (b);
  for (guint slot = 0; slot < b->n_categories; slot++)
    {
      guint c = b->order[slot];
      double pos = 0, neg = 0;

      for (guint i = 0; i < b->n_visible; i++)
        {
          guint s = b->visible[i];
          double v = bar_value (b, s, c);
          double from = 0;
          McRect rect;

          /* Missing values are gaps, never zero-height bars. */
          if (isnan (v))
            continue;
          if (b->stacked)
            {
              from = v >= 0 ? pos : neg;
              if (v >= 0)
                pos += v;
              else
                neg += v;
            }
          rect = bar_rect (b, slot, i, from, from + v);
          draw_bar (b, &rect, slot, s, c, bar_estimate (b, s, c));
        }
    }
  cairo_restore (b->r->cr);
}

/* "no data" over the break, between the bars, where it fits. */
static void
draw_break_note (Bars   *b,
                 double  x,
                 double  y)
{
  McRender *r = b->r;
  /* Translators: written where an axis is cut between dates far apart */
  g_autoptr(PangoLayout) layout = mc_render_layout (r, C_("gap in a line", "no data"),
                                                    MC_FONT_BODY, -1, 0);
  double w, h, room = b->band * (1 - MC_BAR_SHARE) - 2 * r->unit;
  McTextBox box;

  mc_render_layout_size (layout, &w, &h);
  box = mc_render_box_for (layout, x - w / 2, y - 3 * r->unit - h, 0);
  if (w <= room && mc_render_box_is_clear (r, &box, r->unit / 2))
    mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_NOTE,
                    mc_theme_get_text_secondary (r->theme));
}

/* Dates far apart among bars in date order (Feb 2024, then Feb 2025):
 * the baseline breaks between them, as an axis cut short does, so that
 * equal distances are not read as equal times. */
static void
draw_breaks (Bars *b)
{
  McRender *r = b->r;
  double half = 1.5 * r->unit, gap = 0.8 * r->unit;

  if (b->horizontal || mc_chart_spec_get_boolean (b->chart->spec, "sort")
      || b->scale.min > 0 || b->scale.max < 0)
    return;
  for (guint slot = 0; slot + 1 < b->n_categories; slot++)
    {
      double x = b->plot.x + (slot + 1) * b->band;
      double y = mc_linear_scale_map (&b->scale, 0);

      if (!mc_chart_model_category_break (b->chart, slot))
        continue;
      /* The axis cut out between two slanted strokes. */
      mc_render_set_color (r, mc_theme_get_background (r->theme));
      cairo_rectangle (r->cr, x - gap / 2, y - half, gap, 2 * half);
      cairo_fill (r->cr);
      mc_render_set_color (r, mc_theme_get_axis (r->theme));
      cairo_set_line_width (r->cr, r->line * 1.5);
      for (int side = -1; side <= 1; side += 2)
        {
          cairo_move_to (r->cr, x + side * gap / 2 - half / 2, y + half);
          cairo_line_to (r->cr, x + side * gap / 2 + half / 2, y - half);
        }
      cairo_stroke (r->cr);
      draw_break_note (b, x, y);
    }
}

static void
draw_zero_line (Bars *b)
{
  McRender *r = b->r;
  double p;

  if (b->scale.min > 0 || b->scale.max < 0)
    return;
  p = mc_render_snap (r, mc_linear_scale_map (&b->scale, 0), r->line);
  mc_render_set_color (r, mc_theme_get_axis (r->theme));
  cairo_set_line_width (r->cr, r->line);
  if (b->horizontal)
    {
      cairo_move_to (r->cr, p, b->plot.y);
      cairo_line_to (r->cr, p, b->plot.y + b->plot.height);
    }
  else
    {
      cairo_move_to (r->cr, b->plot.x, p);
      cairo_line_to (r->cr, b->plot.x + b->plot.width, p);
    }
  cairo_stroke (r->cr);
}

/* Value labels */

static char *
value_text (Bars     *b,
            guint     series,
            guint     category,
            gboolean  with_unit)
{
  McSeries *data = mc_chart_model_get_series (b->chart, series);

  return mc_series_format_row_value (data, b->rows[series * b->n_categories + category],
                                     bar_value (b, series, category), with_unit);
}

/* Where a label goes: just past the end of the bar, or inside its end
 * when outside is taken. */
static McTextBox
value_label_box (Bars         *b,
                 PangoLayout  *layout,
                 const McRect *bar,
                 double        value,
                 gboolean      inside)
{
  McRender *r = b->r;
  double w, h, x, y;
  gboolean up = value >= 0;

  mc_render_layout_size (layout, &w, &h);
  if (b->horizontal)
    {
      y = bar->y + (bar->height - h) / 2;
      if (inside)
        x = up ? bar->x + bar->width - r->unit * 1.5 - w : bar->x + r->unit * 1.5;
      else
        x = up ? bar->x + bar->width + r->unit * 1.5 : bar->x - r->unit * 1.5 - w;
    }
  else
    {
      x = bar->x + (bar->width - w) / 2;
      if (inside)
        y = up ? bar->y + r->unit : bar->y + bar->height - r->unit - h;
      else
        y = up ? bar->y - r->unit - h : bar->y + bar->height + r->unit;
    }
  return mc_render_box_for (layout, x, y, 0);
}

static gboolean
box_inside_rect (const McTextBox *box,
                 const McRect    *rect)
{
  return box->x >= rect->x - 0.01 && box->y >= rect->y - 0.01
         && box->x + box->width <= rect->x + rect->width + 0.01
         && box->y + box->height <= rect->y + rect->height + 0.01;
}

typedef struct
{
  PangoLayout *layout;
  PangoLayout *note;      /* "Est." */
  McTextBox    box;
  McTextBox    note_box;
  gboolean     inside;
  guint        series;
  guint        category;
} ValueLabel;

static void
value_label_clear (gpointer data)
{
  ValueLabel *label = data;

  g_clear_object (&label->layout);
  g_clear_object (&label->note);
}

/* The note of a row's "notes" cell: its value ("5 years"), or the note
 * of a missing value ("Ongoing"); NULL for neither. */
static char *
row_note (const McColumn *notes,
          guint           row)
{
  if (notes == NULL || row >= mc_column_get_n_rows (notes))
    return NULL;
  if (mc_column_is_missing (notes, row))
    return g_strdup (mc_column_get_note (notes, row));
  return mc_format_cell (notes, row);
}

/* What is written with a value: "Est." for an estimate, and its row's
 * note while there is room for notes; NULL for nothing. */
static char *
bar_note_text (Bars  *b,
               guint  series,
               guint  category)
{
  gboolean estimate = bar_estimate (b, series, category);
  g_autofree char *note = NULL;

  if (b->row_notes)
    note = row_note (b->data->notes, b->rows[series * b->n_categories + category]);
  if (note != NULL && estimate)
    /* Translators: a bar's note and the estimate mark, as in "3 years, Est." */
    return g_strdup_printf (_("%s, Est."), note);
  return estimate ? g_strdup (_("Est.")) : g_steal_pointer (&note);
}

/* The note beside (horizontal bars) or above (vertical bars) the value. */
static McTextBox
note_box_for (Bars       *b,
              ValueLabel *label,
              double      value)
{
  double w, h;

  mc_render_layout_size (label->note, &w, &h);
  if (b->horizontal)
    {
      double x = value >= 0 ? label->box.x + label->box.width + b->r->unit
                            : label->box.x - b->r->unit - w;
      return mc_render_box_for (label->note, x, label->box.y, 0);
    }
  return mc_render_box_for (label->note, label->box.x + (label->box.width - w) / 2,
                            value >= 0 ? label->box.y - h : label->box.y + label->box.height, 0);
}

/* Whether @box, a label outside its bar, would cover another bar: a
 * label wider than its bar of a group may reach over its neighbour. */
static gboolean
box_covers_bars (Bars            *b,
                 const McTextBox *box)
{
  if (b->stacked || b->n_visible < 2)
    return FALSE;
  for (guint slot = 0; slot < b->n_categories; slot++)
    for (guint i = 0; i < b->n_visible; i++)
      {
        double v = bar_value (b, b->visible[i], b->order[slot]);
        McRect bar;

        if (isnan (v))
          continue;
        bar = bar_rect (b, slot, i, 0, v);
        if (box->x < bar.x + bar.width && bar.x < box->x + box->width
            && box->y < bar.y + bar.height && bar.y < box->y + box->height)
          return TRUE;
      }
  return FALSE;
}

/* Tries outside, then inside the bar: stacked segments are labelled
 * inside only, labels with a note ("Est.") outside only, next to it.
 * The boxes are reserved in the state so that later labels avoid them. */
static gboolean
place_value_label (Bars         *b,
                   ValueLabel   *label,
                   const McRect *bar,
                   double        value)
{
  gboolean noted = label->note != NULL;
  McRender *r = b->r;
  GArray *boxes = r->out->boxes;

  for (int inside = 0; inside <= 1; inside++)
    {
      if ((b->stacked && !inside) || (noted && inside))
        continue;
      label->box = value_label_box (b, label->layout, bar, value, inside);
      label->inside = inside;
      if (!mc_render_value_label_is_clear (r, &label->box)
          || (inside && !box_inside_rect (&label->box, bar))
          || (!inside && box_covers_bars (b, &label->box)))
        continue;
      if (noted)
        {
          /* The note touches its own label, so it is checked against
           * the others only. */
          label->note_box = note_box_for (b, label, value);
          if (!mc_render_value_label_is_clear (r, &label->note_box))
            continue;
          g_array_append_val (boxes, label->note_box);
        }
      g_array_append_val (boxes, label->box);
      return TRUE;
    }
  return FALSE;
}

/* Whether @labels has a label of series @series yet. */
static gboolean
series_labelled (GArray *labels,
                 guint   series)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_array_index (labels, ValueLabel, i).series == series)
      return TRUE;
  return FALSE;
}

static gboolean
collect_value_labels (Bars      *b,
                      LabelForm  form,
                      GArray    *labels)
{
  for (guint slot = 0; slot < b->n_categories; slot++)
    {
      guint c = b->order[slot];
      double pos = 0, neg = 0;

      for (guint i = 0; i < b->n_visible; i++)
        {
          guint s = b->visible[i];
          double v = bar_value (b, s, c), from = 0;
          g_autofree char *note = bar_note_text (b, s, c);
          g_autofree char *text = NULL;
          ValueLabel label = { 0 };
          McRect bar;

          if (isnan (v))
            continue;
          if (b->stacked)
            {
              from = v >= 0 ? pos : neg;
              *(v >= 0 ? &pos : &neg) += v;
            }
          bar = bar_rect (b, slot, i, from, from + v);
          text = value_text (b, s, c, form == LABEL_FULL
                                      || (form == LABEL_UNIT_ONCE
                                          && !series_labelled (labels, s)));
          label.layout = mc_render_layout (b->r, text, MC_FONT_BODY, -1, 0);
          label.series = s;
          label.category = c;
          /* As large as the axis labels: a note must be read. */
          if (note != NULL)
            label.note = mc_render_layout (b->r, note, MC_FONT_BODY, -1, 0);
          if (place_value_label (b, &label, &bar, v))
            g_array_append_val (labels, label);
          else if (b->stacked)
            value_label_clear (&label);
          else
            {
              value_label_clear (&label);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static void
label_colors (Bars             *b,
              const ValueLabel *label,
              McColor          *color)
{
  McRender *r = b->r;
  McColor fill;

  if (!label->inside)
    {
      *color = *mc_theme_get_text (r->theme);
      return;
    }
  /* Inside a bar: black or white, whichever reads better on the fill. */
  mc_render_series_color (r, label->series, label->category, MC_COLOR_ROLE_FILL, &fill);
  {
    McColor black = { 0.1, 0.1, 0.1, 1 }, white = { 1, 1, 1, 1 };

    *color = mc_color_contrast_ratio (&black, &fill) >= mc_color_contrast_ratio (&white, &fill)
             ? black : white;
  }
}

/* An empty slot in a row of labelled bars reads as zero: a missing value
 * says so where its bar would stand, when there is room. */
static void
draw_missing_notes (Bars *b)
{
  McRender *r = b->r;

  if (b->stacked)
    return;
  for (guint slot = 0; slot < b->n_categories; slot++)
    for (guint i = 0; i < b->n_visible; i++)
      {
        g_autoptr(PangoLayout) layout = NULL;
        McRect bar;
        McTextBox box;

        if (!isnan (bar_value (b, b->visible[i], b->order[slot])))
          continue;
        /* Translators: written where the bar of a missing value would be */
        layout = mc_render_layout (r, C_("missing value", "n/a"), MC_FONT_SMALL, -1, 0);
        bar = bar_rect (b, slot, i, 0, 0);
        box = value_label_box (b, layout, &bar, b->scale.max > 0 ? 1 : -1, FALSE);
        if (mc_render_box_is_clear (r, &box, r->unit / 2) && !box_covers_bars (b, &box))
          mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_NOTE,
                          mc_theme_get_text_secondary (r->theme));
      }
}

/* All labels or none: a few missing labels would read as missing data
 * (stacked segments too thin for theirs are the exception). A series'
 * first label carries the unit, the others only their numbers ("USD 70
 * bn", "50", "35"). Labels give way in this order: the unit (to "70"
 * where the axis names it), then the notes of the "notes" column, then
 * every label; "Est." stays as long as the values do. */
/* The labels in the first form in which all of them fit, in @labels;
 * FALSE if none fits. Nothing is drawn. */
static gboolean
choose_value_labels (Bars   *b,
                     GArray *labels)
{
  GArray *boxes = b->r->out->boxes;
  guint saved = boxes->len;

  /* Horizontal bars and bars without an axis: their labels must carry
   * the unit. Stacks have many labels, and panels a title of the unit
   * above them all: the axis title names the unit for them. */
  LabelForm first = b->stacked || (b->r->panel != NULL && !b->horizontal)
                    ? LABEL_SHORT : LABEL_UNIT_ONCE;
  LabelForm last = (b->horizontal || b->no_axis) && !b->stacked ? LABEL_UNIT_ONCE : LABEL_SHORT;

  for (int notes = b->data->notes != NULL; notes >= 0; notes--)
    for (LabelForm form = first; form <= last; form++)
      {
        gboolean ok;

        b->row_notes = notes;
        g_array_set_size (labels, 0);
        ok = collect_value_labels (b, form, labels);
        g_array_set_size (boxes, saved);
        if (ok)
          return TRUE;
      }
  g_array_set_size (labels, 0);
  return FALSE;
}

static GArray *
value_labels_new (void)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (ValueLabel));

  g_array_set_clear_func (labels, value_label_clear);
  return labels;
}

static gboolean
value_labels_fit (Bars *b)
{
  g_autoptr(GArray) labels = value_labels_new ();

  return choose_value_labels (b, labels);
}

static void
draw_value_labels (Bars *b)
{
  McRender *r = b->r;
  g_autoptr(GArray) labels = value_labels_new ();

  if (!choose_value_labels (b, labels))
    return;
  for (guint i = 0; i < labels->len; i++)
    {
      ValueLabel *label = &g_array_index (labels, ValueLabel, i);
      McColor color;

      label_colors (b, label, &color);
      if (bar_dimmed (b, label->series, label->category))
        mc_render_dim (r, &color);
      mc_render_show (r, label->layout, label->box.x, label->box.y, 0,
                      MC_TEXT_VALUE_LABEL, &color);
      if (label->note)
        mc_render_show (r, label->note, label->note_box.x, label->note_box.y, 0,
                        MC_TEXT_NOTE, mc_theme_get_text_secondary (r->theme));
    }
  draw_missing_notes (b);
}

/* Shared layout pieces */

static double
place_legend (Bars   *b,
              McRect *area)
{
  return mc_render_legend_above (b->r, area);
}

static McSeries *
first_visible_series (Bars *b)
{
  return mc_chart_model_get_series (b->chart, b->n_visible ? b->visible[0] : 0);
}

/* The axis title of the visible series (see mc_render_axis_title()):
 * "Revenue (USD bn)" for one, the unit for several in one unit. NULL if
 * there is nothing to say. */
static PangoLayout *
axis_title_layout (Bars         *b,
                   const McRect *area,
                   double       *height)
{
  McRender *r = b->r;
  g_autofree McSeries **series = g_new (McSeries *, b->n_visible + 1);
  g_autofree char *text = NULL;
  double w;

  series[0] = first_visible_series (b);
  for (guint i = 0; i < b->n_visible; i++)
    series[i] = mc_chart_model_get_series (b->chart, b->visible[i]);
  text = mc_render_axis_title (r, series, MAX (1, b->n_visible));

  *height = 0;
  if (text == NULL)
    return NULL;
  {
    PangoLayout *layout = mc_render_layout (r, text, MC_FONT_BODY, area->width, 1);

    mc_render_layout_size (layout, &w, height);
    return layout;
  }
}

static void
show_axis_title (Bars        *b,
                 PangoLayout *layout,
                 double       x,
                 double       y,
                 gboolean     right_aligned)
{
  double w, h;

  if (layout == NULL)
    return;
  mc_render_layout_size (layout, &w, &h);
  mc_render_show (b->r, layout, right_aligned ? x - w : x, y, 0, MC_TEXT_AXIS_TITLE,
                  mc_theme_get_text_secondary (b->r->theme));
}

/* Annotations */

/* Where a callout on a bar points: the end of its value. */
static gboolean
bars_anchor (gpointer  data,
             guint     series,
             guint     point,
             double   *x,
             double   *y)
{
  Bars *b = data;
  McSeries *values = mc_chart_model_get_series (b->chart, series);
  guint c = (guint) mc_series_get_x (values, point);
  double pos = 0, neg = 0;

  for (guint slot = 0; slot < b->n_categories; slot++)
    for (guint i = 0; b->order[slot] == c && i < b->n_visible; i++)
      {
        double v = bar_value (b, b->visible[i], c), from = 0;
        McRect bar;

        if (isnan (v))
          continue;
        if (b->stacked)
          {
            from = v >= 0 ? pos : neg;
            *(v >= 0 ? &pos : &neg) += v;
          }
        if (b->visible[i] != series)
          continue;
        bar = bar_rect (b, slot, i, from, from + v);
        *x = b->horizontal ? (v >= 0 ? bar.x + bar.width : bar.x) : bar.x + bar.width / 2;
        *y = b->horizontal ? bar.y + bar.height / 2 : (v >= 0 ? bar.y : bar.y + bar.height);
        return TRUE;
      }
  return FALSE;
}

/* The axes of the bars, as annotations read them; @slots is filled
 * with the place of each category. */
static void
annotation_frame (Bars              *b,
                  McAxes            *axes,
                  guint             *slots,
                  McAnnotationFrame *frame)
{
  *axes = (McAxes) { 0 };
  axes->plot = b->plot;
  axes->x_kind = MC_X_CATEGORY;
  axes->x_band = b->band;
  axes->y[0] = b->scale;
  axes->y[1] = b->scale;
  for (guint slot = 0; slot < b->n_categories; slot++)
    slots[b->order[slot]] = slot;
  *frame = (McAnnotationFrame) {
    .axes = axes,
    .slots = slots,
    .horizontal = b->horizontal,
    .anchor = bars_anchor,
    .data = b,
  };
}

/* Vertical bars */

/* Without an axis the scale need not end on a tick: the tallest bar
 * reaches up to the room its label needs. Lengths still start at zero. */
static void
fill_height (Bars   *b,
             double  lo,
             double  hi,
             double  headroom)
{
  if (lo < 0 || hi <= 0 || b->plot.height <= 2 * headroom)
    return;
  b->scale.min = 0;
  b->scale.max = hi * b->plot.height / (b->plot.height - headroom);
}

/* Fits the plot, the value scale and the category labels together: each
 * depends on the others, so iterate until they settle. Returns FALSE when
 * text categories only fit rotated, where horizontal bars read better. */
static gboolean
layout_vertical (Bars         *b,
                 const McRect *area,
                 double        top)
{
  McRender *r = b->r;
  McSeries *series = first_visible_series (b);
  gboolean text_categories = mc_column_get_column_type (b->chart->x_column) == MC_COLUMN_STRING;
  double lo, hi, label_h = mc_render_line_height (r, MC_FONT_BODY), gap = 2 * r->unit;
  gboolean flat = TRUE;
  /* Room above the tallest bar for its label, the note over it, and the
   * half an em they keep from the text above the plot. */
  gboolean noted = b->chart->has_estimates || b->data->notes != NULL;
  double headroom = b->value_labels && !b->stacked
                    ? label_h * (noted ? 2 : 1) + 2 * r->unit + r->body / 2 : 0;

  bars_domain (b, &lo, &hi);
  mc_render_value_limits (r, &lo, &hi);
  b->fit.height = label_h;
  b->plot.y = top + label_h / 2;
  for (guint pass = 0; pass < 3; pass++)
    {
      double tick_w, overhang;

      b->plot.height = MAX (1, area->y + area->height - gap - b->fit.height - b->plot.y);
      mc_render_value_scale (r, &b->scale, lo, hi, TRUE, b->plot.height, headroom);
      tick_w = b->no_axis ? 0 : mc_render_value_ticks_width (r, &b->scale, series);
      b->plot.x = area->x + tick_w + gap;
      b->plot.width = MAX (1, area->x + area->width - b->plot.x);
      b->band = b->plot.width / MAX (1, b->n_categories);
      flat = mc_render_fit_categories (r, b->order, b->band, area->height * 0.3,
                                       !text_categories, &b->fit);
      if (!flat && text_categories && !mc_chart_spec_get_boolean (b->chart->spec, "horizontal"))
        return FALSE;
      overhang = mc_render_categories_left_overhang (r, &b->fit, b->order, b->band);
      if (b->plot.x < area->x + overhang)
        {
          b->plot.x = area->x + overhang;
          b->plot.width = MAX (1, area->x + area->width - b->plot.x);
          b->band = b->plot.width / MAX (1, b->n_categories);
        }
    }
  if (b->no_axis)
    fill_height (b, lo, hi, headroom);
  mc_linear_scale_set_range (&b->scale, b->plot.y + b->plot.height, b->plot.y);
  return TRUE;
}

static void
render_vertical (Bars         *b,
                 const McRect *area,
                 double        top)
{
  McRender *r = b->r;
  g_autofree guint *slots = g_new (guint, b->n_categories + 1);
  McAnnotationFrame frame;
  McAxes axes;

  annotation_frame (b, &axes, slots, &frame);
  if (!b->no_axis)
    mc_render_value_grid (r, &b->scale, &b->plot, TRUE, TRUE);
  mc_render_annotations_under (r, &frame);
  draw_bars (b);
  draw_zero_line (b);
  draw_breaks (b);
  if (!b->no_axis)
    mc_render_value_ticks (r, &b->scale, first_visible_series (b), &b->plot, FALSE,
                           mc_theme_get_text_secondary (r->theme));
  mc_render_categories (r, &b->fit, b->order, b->plot.x + b->band / 2, b->band,
                        b->plot.y + b->plot.height + 2 * r->unit);
  if (b->value_labels)
    draw_value_labels (b);
  mc_render_annotations_over (r, &frame);
}

/* Horizontal bars */

/* The height of the bars over an axis (without value labels) in an
 * area @area_height high. */
static double
plot_height_over_axis (Bars   *b,
                       double  area_height)
{
  McRender *r = b->r;

  return MAX (1, area_height - mc_render_line_height (r, MC_FONT_BODY) - 2 * r->unit);
}

/* Rows thinner than a line of text label every second (third, ...) row,
 * regularly, rather than whichever happen to fit. */
static guint
category_label_every (Bars   *b,
                      double  band)
{
  double line_h = mc_render_line_height (b->r, MC_FONT_BODY);

  return MAX (1, (guint) ceil ((line_h + b->r->unit * 0.5) / MAX (band, 0.01)));
}

/* As wide as the widest category label drawn, within a share of the
 * area. Only the labels drawn are measured: with thousands of rows,
 * measuring them all took most of the render. */
static double
category_column_width (Bars         *b,
                       const McRect *area)
{
  McRender *r = b->r;
  double max = MAX (4 * r->body, area->width * MC_LABEL_COLUMN_SHARE);
  double widest = 0;
  /* Bars with value labels are thick enough to label every row, unless
   * the value labels turn out not to fit (render_horizontal()): then
   * every row measured is more than the rows labelled. */
  guint every = b->value_labels
                ? 1
                : category_label_every (b, plot_height_over_axis (b, area->height)
                                           / MAX (1, b->n_categories));

  for (guint slot = 0; slot < b->n_categories; slot += every)
    {
      const char *name = mc_chart_model_get_category (b->chart, b->order[slot]);
      g_autoptr(PangoLayout) layout = mc_render_layout (r, name, MC_FONT_BODY, max, 2);
      double w, h;

      mc_render_layout_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  return MIN (widest, max);
}

/* The room value labels need right of the bars (left of negative ones). */
static void
value_label_extent (Bars   *b,
                    double *right,
                    double *left)
{
  McRender *r = b->r;

  *right = *left = 0;
  b->row_notes = b->data->notes != NULL;
  for (guint i = 0; i < b->n_visible; i++)
    for (guint c = 0; c < b->n_categories; c++)
      {
        double v = bar_value (b, b->visible[i], c);
        g_autofree char *text = NULL;
        g_autofree char *note = bar_note_text (b, b->visible[i], c);
        double w;

        if (isnan (v))
          continue;
        text = value_text (b, b->visible[i], c, TRUE);
        w = mc_render_text_width (r, text, MC_FONT_BODY, NULL);
        if (note != NULL)
          w += r->unit + mc_render_text_width (r, note, MC_FONT_BODY, NULL);
        w += r->unit * 2;
        if (v >= 0)
          *right = MAX (*right, w);
        else
          *left = MAX (*left, w);
      }
}

/* One category label, right-aligned at @x_right and centred on its row:
 * on two lines where the row is tall enough, else on one. */
static void
draw_category_label (Bars   *b,
                     guint   slot,
                     double  x_right,
                     double  max_width,
                     int     max_lines)
{
  McRender *r = b->r;
  const char *text = mc_chart_model_get_category (b->chart, b->order[slot]);
  g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, max_width, max_lines);
  McTextBox box;
  double w, h;

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  mc_render_layout_size (layout, &w, &h);
  if (h > b->band && pango_layout_get_line_count (layout) > 1)
    {
      g_object_unref (layout);
      layout = mc_render_layout (r, text, MC_FONT_BODY, max_width, 1);
      mc_render_layout_size (layout, &w, &h);
    }
  box = mc_render_box_for (layout, x_right - w, b->plot.y + (slot + 0.5) * b->band - h / 2, 0);
  if (mc_render_box_is_free (r, &box))
    mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_CATEGORY_LABEL,
                    mc_theme_get_text (r->theme));
}

static void
draw_category_column (Bars   *b,
                      double  x_right,
                      double  max_width)
{
  guint every = category_label_every (b, b->band);

  for (guint slot = 0; slot < b->n_categories; slot += every)
    draw_category_label (b, slot, x_right, max_width, every > 1 ? 1 : 2);
}

static double
last_tick_half_width (Bars *b)
{
  McSeries *series = first_visible_series (b);
  guint n = mc_linear_scale_get_n_ticks (&b->scale);
  g_autofree char *text = mc_format_tick (series->column,
                                          mc_linear_scale_get_tick (&b->scale, n - 1),
                                          b->scale.step);
  g_autoptr(PangoLayout) layout = mc_render_layout (b->r, text, MC_FONT_BODY, -1, 0);
  double w, h;

  mc_render_layout_size (layout, &w, &h);
  return w / 2;
}

/* Horizontal bars carry their values at their ends; an axis is drawn only
 * when those labels can't be (thin bars, stacks). */
static void
layout_horizontal (Bars         *b,
                   const McRect *area)
{
  McRender *r = b->r;
  double right = 0, left = 0, lo, hi, gap = 2 * r->unit;

  bars_domain (b, &lo, &hi);
  mc_render_value_limits (r, &lo, &hi);
  b->plot.y = area->y;
  b->plot.height = area->height;
  if (b->value_labels)
    value_label_extent (b, &right, &left);
  else
    /* Room for the axis labels below the bars. */
    b->plot.height = plot_height_over_axis (b, area->height);
  b->band = b->plot.height / MAX (1, b->n_categories);

  b->plot.x = area->x + b->label_column + gap + left;
  b->plot.width = MAX (1, area->x + area->width - right - b->plot.x);
  if (b->value_labels)
    {
      /* No axis: the longest bar may use the whole width. */
      b->scale.min = MIN (0, lo);
      b->scale.max = MAX (0, hi);
      if (b->scale.max <= b->scale.min)
        b->scale.max = b->scale.min + 1;
      b->scale.step = b->scale.max - b->scale.min;
      b->scale.n_intervals = 1;
    }
  else
    {
      /* The last tick label is centred on the end of the axis: keep it
       * inside the padding. */
      double overhang;

      mc_render_init_value_scale (r, &b->scale, lo, hi, TRUE, b->plot.width, 8 * r->body);
      overhang = last_tick_half_width (b) - (area->x + area->width - b->plot.x - b->plot.width);
      if (overhang > 0)
        {
          b->plot.width = MAX (1, b->plot.width - overhang);
          mc_render_init_value_scale (r, &b->scale, lo, hi, TRUE, b->plot.width, 8 * r->body);
        }
    }
  mc_linear_scale_set_range (&b->scale, b->plot.x, b->plot.x + b->plot.width);
}

static void
draw_horizontal_axis (Bars *b)
{
  McRender *r = b->r;
  McSeries *series = first_visible_series (b);

  mc_render_value_grid (r, &b->scale, &b->plot, FALSE, TRUE);
  for (guint i = 0; i < mc_linear_scale_get_n_ticks (&b->scale); i++)
    {
      double tick = mc_linear_scale_get_tick (&b->scale, i);
      g_autofree char *text = mc_format_tick (series->column, tick, b->scale.step);
      g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, -1, 0);
      McTextBox box;
      double w, h, x;

      mc_render_layout_size (layout, &w, &h);
      x = mc_render_text_x_in_padding (r, mc_linear_scale_map (&b->scale, tick) - w / 2, w);
      box = mc_render_box_for (layout, x, b->plot.y + b->plot.height + 2 * r->unit, 0);
      if (mc_render_box_is_free (r, &box))
        mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_TICK_LABEL,
                        mc_theme_get_text_secondary (r->theme));
    }
}

/* Value labels need bars at least about as thick as a line of text. */
static gboolean
horizontal_has_room_for_labels (Bars         *b,
                                const McRect *area)
{
  double band = area->height / MAX (1, b->n_categories);
  double share = b->n_visible > 1 && !b->stacked ? MC_GROUP_SHARE / b->n_visible : MC_BAR_SHARE;

  return !b->stacked && band * share >= mc_render_line_height (b->r, MC_FONT_BODY) * 0.8;
}

static void
render_horizontal (Bars   *b,
                   McRect *area)
{
  McRender *r = b->r;
  g_autofree guint *slots = g_new (guint, b->n_categories + 1);
  McAnnotationFrame frame;
  McAxes axes;
  McRect under;

  double h, w = 0;
  g_autoptr(PangoLayout) title = NULL;

  b->value_labels = b->value_labels && horizontal_has_room_for_labels (b, area);
  /* The title names the measure even where value labels carry the unit:
   * over the axis, on the right; without one, over the start of the
   * bars, as a column heading. */
  title = axis_title_layout (b, area, &h);
  under = *area;
  if (title)
    {
      under.y += h + 2 * r->unit;
      under.height -= h + 2 * r->unit;
    }
  /* Measured over the rows' height, which sets the labels drawn */
  b->label_column = category_column_width (b, &under);
  if (title)
    {
      double x = area->x + area->width;

      mc_render_layout_size (title, &w, &h);
      if (b->value_labels && area->x + b->label_column + 2 * r->unit + w <= x)
        x = area->x + b->label_column + 2 * r->unit + w;
      show_axis_title (b, title, x, area->y, TRUE);
    }
  *area = under;
  layout_horizontal (b, area);
  /* Bars without their numbers would say nothing: where the labels
   * don't fit after all, an axis gives the values. */
  if (b->value_labels && !value_labels_fit (b))
    {
      b->value_labels = FALSE;
      layout_horizontal (b, area);
    }
  annotation_frame (b, &axes, slots, &frame);
  if (!b->value_labels)
    draw_horizontal_axis (b);
  mc_render_annotations_under (r, &frame);
  draw_bars (b);
  draw_zero_line (b);
  draw_category_column (b, area->x + b->label_column, b->label_column);
  if (b->value_labels)
    draw_value_labels (b);
  mc_render_annotations_over (r, &frame);
}

static gboolean
wants_value_labels (McRender     *r,
                    const McRect *area)
{
  return r->show_values && area->height >= 10 * r->body && area->width >= 16 * r->body;
}

/* Whether the chart's value axis says something its labels don't: the
 * limits its spec asks for, where zero lies between bars that go both
 * ways, the values annotations stand at, the scale panels share. */
static gboolean
needs_axis (Bars *b)
{
  McChartModel *chart = b->chart;
  double lo, hi;

  bars_domain (b, &lo, &hi);
  return b->stacked || b->r->panel != NULL || lo < 0
         || isfinite (mc_chart_spec_get_number (chart->spec, "min"))
         || isfinite (mc_chart_spec_get_number (chart->spec, "max"))
         || (chart->annotations != NULL && chart->annotations->len > 0);
}

/* When every bar carries its value, with the unit on the first, a value
 * axis and its grid say nothing more (unless needs_axis()): they go, as
 * long as the labels still fit as they do with the axis, notes and
 * all. */
static void
try_without_axis (Bars         *b,
                  const McRect *body)
{
  gboolean notes;

  if (!b->value_labels || needs_axis (b) || !value_labels_fit (b))
    return;
  notes = b->row_notes;
  b->no_axis = TRUE;
  if (layout_vertical (b, body, body->y) && value_labels_fit (b) && b->row_notes == notes)
    return;
  b->no_axis = FALSE;
  layout_vertical (b, body, body->y);
}

/* Vertical bars unless asked otherwise or their text labels would need
 * turning, which horizontal bars avoid. */
static gboolean
try_vertical (Bars         *b,
              const McRect *area)
{
  McRender *r = b->r;
  McRect body = *area;
  double title_h;
  g_autoptr(PangoLayout) title = axis_title_layout (b, area, &title_h);

  if (title)
    {
      body.y += title_h + 2 * r->unit;
      body.height -= title_h + 2 * r->unit;
    }
  if (!layout_vertical (b, &body, body.y))
    return FALSE;
  try_without_axis (b, &body);
  show_axis_title (b, title, area->x, area->y, FALSE);
  render_vertical (b, &body, body.y);
  return TRUE;
}

static void
bar_draw (McRender      *r,
          gconstpointer  prepared,
          McMarks       *out)
{
  McChartModel *chart = r->chart;
  Bars b = { 0 };
  McRect area = r->body_area;
  g_autofree guint *visible = g_new (guint, mc_chart_model_get_n_series (chart) + 1);

  b.r = r;
  b.chart = chart;
  b.data = prepared;
  b.n_categories = mc_chart_model_get_n_categories (chart);
  b.visible = visible;
  b.stacked = mc_chart_spec_get_boolean (chart->spec, "stacked")
              || mc_chart_spec_get_boolean (chart->spec, "percent");
  bars_fill_values (&b);
  bars_order (&b);
  place_legend (&b, &area);
  b.value_labels = wants_value_labels (r, &area);

  if (!bars_have_data (&b) || area.height < 3 * r->body || area.width < 6 * r->body)
    mc_render_empty (r, &area, bars_have_data (&b));
  else
    {
      b.horizontal = mc_chart_spec_get_boolean (chart->spec, "horizontal")
                     || !try_vertical (&b, &area);
      if (b.horizontal)
        render_horizontal (&b, &area);
    }

  out->axes.horizontal = b.horizontal;
  g_free (b.order);
  g_free (b.values);
  g_free (b.estimates);
  g_free (b.rows);
  g_free (b.points);
}

/* Describing */

static char *
bar_describe (McChartModel  *chart,
              gconstpointer  prepared,
              McMarks       *marks)
{
  const McChartSpec *spec = chart->spec;
  gboolean horizontal = mc_chart_spec_get_boolean (spec, "horizontal")
                        || (marks != NULL && marks->axes.horizontal);
  const char *name;
  GString *out;

  if (mc_chart_spec_get_boolean (spec, "percent") && chart->series->len > 1)
    name = _("Stacked bar chart of shares");
  else if (mc_chart_spec_get_boolean (spec, "stacked") && chart->series->len > 1)
    name = _("Stacked bar chart");
  else if (chart->series->len > 1)
    name = _("Grouped bar chart");
  else
    name = horizontal ? _("Horizontal bar chart") : _("Bar chart");
  out = mc_describe_begin (chart, name);
  if (chart->x_kind == MC_X_CATEGORY && chart->series->len == 1)
    mc_describe_append_categories (chart, out);
  else
    mc_describe_append_series (chart, out);
  return g_string_free (out, FALSE);
}

static const McOptionInfo bar_option_horizontal = {
  "horizontal", MC_OPTION_BOOLEAN, 0, N_("bars that run left to right"), NULL, NULL, NULL,
  N_("Horizontal Bars"), NULL
};

static const McOptionInfo bar_option_notes = {
  "notes", MC_OPTION_COLUMN, 0,
  N_("a column whose values are written with the bars’ values, such as a timeframe"),
  NULL, NULL, NULL, N_("Notes"), NULL
};

static const McOptionInfo * const bar_options[] = {
  &mc_chart_option_x,
  &mc_chart_option_y,
  &mc_chart_option_series,
  &mc_chart_option_transform,
  &bar_option_horizontal,
  &mc_chart_option_stacked,
  &mc_chart_option_percent,
  &mc_chart_option_sort,
  &mc_chart_option_min,
  &mc_chart_option_max,
  &mc_chart_option_value_labels,
  &bar_option_notes,
  &mc_chart_option_legend,
  &mc_chart_option_annotations,
  &mc_chart_option_panels,
  MC_CHART_OPTIONS_ROWS,
  &mc_chart_option_top,
  NULL
};

const McChartKind mc_chart_kind_bar = {
  .id = "bar",
  .name = N_("a bar chart"),
  .plural = N_("bar charts"),
  .label = N_("Bar Chart"),
  .caps = MC_CHART_CAPS_CATEGORY_X | MC_CHART_CAPS_HIDE_SERIES
          | MC_CHART_CAPS_FEW_CATEGORY_COLORS | MC_CHART_CAPS_ZERO_BASELINE
          | MC_CHART_CAPS_PANELS,
  .options = bar_options,
  .prepare = bar_prepare,
  .free_prepared = g_free,
  .draw = bar_draw,
  .describe = bar_describe,
};
