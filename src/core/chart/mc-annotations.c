/* mc-annotations.c: a chart's annotations on its plot
 *
 * Kinds with axes call this twice: mc_render_annotations_under() before
 * their marks (shaded ranges and bands, the rules of events and
 * reference lines, which stay behind the data) and
 * mc_render_annotations_over() last, when every other text is placed:
 * the labels then look for a place that covers no other text, no data
 * and no edge of the plot. When a label finds none it gives way, in
 * this order: the labels of shaded ranges and bands first, then those
 * of reference lines, then those of events; callouts, which point at
 * the data the story is about, are placed first and give way last. The
 * shading and the rules stay. Small multiples draw the rules and the
 * shading in every panel and the labels once, in the first panel (a
 * callout in the panel of its series). Every annotation at an x is also a note
 * of the marks there, for the pointer and the keyboard (mc-hit.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mc-render-private.h"

/* How much of the text colour shades a range or a band. */
#define MC_SHADE_AMOUNT 0.08
/* A label wraps at this many body sizes, or at this share of the plot. */
#define MC_LABEL_EMS 16
#define MC_LABEL_PLOT_SHARE 0.45
#define MC_LABEL_LINES 3

/* Placing on the axes */

static double
category_slot (const McAnnotationFrame *frame,
               double                   x)
{
  guint c = (guint) x;

  return frame->slots != NULL ? frame->slots[c] : c;
}

/* The pixel of x value @x along the x axis (down the category axis of
 * horizontal bars): a category's middle. */
static double
along (const McAnnotationFrame *frame,
       double                   x)
{
  const McAxes *axes = frame->axes;

  if (axes->x_kind != MC_X_CATEGORY)
    return mc_axes_map_x (axes, x);
  if (frame->horizontal)
    return axes->plot.y + (category_slot (frame, x) + 0.5) * axes->x_band;
  return axes->plot.x + (category_slot (frame, x) + 0.5) * axes->x_band;
}

/* Half the width of what x value @x covers: a category's band. */
static double
half_band (const McAnnotationFrame *frame)
{
  return frame->axes->x_kind == MC_X_CATEGORY ? frame->axes->x_band / 2 : 0;
}

static double
across (const McAnnotationFrame *frame,
        guint                    axis,
        double                   value)
{
  return mc_axes_map_value (frame->axes, axis, value);
}

/* A rectangle from @a0 to @a1 along the x axis and from @v0 to @v1 (in
 * pixels) across it. */
static McRect
span_rect (const McAnnotationFrame *frame,
           double                   a0,
           double                   a1,
           double                   v0,
           double                   v1)
{
  McRect rect = { MIN (a0, a1), MIN (v0, v1), fabs (a1 - a0), fabs (v1 - v0) };

  if (frame->horizontal)
    rect = (McRect) { rect.y, rect.x, rect.height, rect.width };
  return rect;
}

/* The plot from end to end across the x axis. */
static void
plot_across (const McAnnotationFrame *frame,
             double                  *v0,
             double                  *v1)
{
  const McRect *plot = &frame->axes->plot;

  *v0 = frame->horizontal ? plot->x : plot->y;
  *v1 = frame->horizontal ? plot->x + plot->width : plot->y + plot->height;
}

static void
plot_along (const McAnnotationFrame *frame,
            double                  *a0,
            double                  *a1)
{
  const McRect *plot = &frame->axes->plot;

  *a0 = frame->horizontal ? plot->y : plot->x;
  *a1 = frame->horizontal ? plot->y + plot->height : plot->x + plot->width;
}

static McRect
annotation_rect (const McAnnotationFrame *frame,
                 const McAnnotation      *annotation)
{
  double a0, a1, v0, v1;

  plot_along (frame, &a0, &a1);
  plot_across (frame, &v0, &v1);
  if (annotation->type == MC_ANNOTATION_RANGE)
    {
      double p0 = along (frame, annotation->x0), p1 = along (frame, annotation->x1);

      a0 = MIN (p0, p1) - half_band (frame);
      a1 = MAX (p0, p1) + half_band (frame);
    }
  else
    {
      v0 = across (frame, annotation->axis, annotation->v0);
      v1 = across (frame, annotation->axis, annotation->v1);
    }
  return span_rect (frame, a0, a1, v0, v1);
}

/* Under the data: shading and rules */

static void
shade (McRender     *r,
       const McRect *rect,
       const McRect *plot)
{
  McColor color;
  double x0 = MAX (rect->x, plot->x), y0 = MAX (rect->y, plot->y);
  double x1 = MIN (rect->x + rect->width, plot->x + plot->width);
  double y1 = MIN (rect->y + rect->height, plot->y + plot->height);

  if (x1 <= x0 || y1 <= y0)
    return;
  mc_color_mix (mc_theme_get_text (r->theme), mc_theme_get_background (r->theme),
                1 - MC_SHADE_AMOUNT, &color);
  mc_render_set_color (r, &color);
  cairo_rectangle (r->cr, x0, y0, x1 - x0, y1 - y0);
  cairo_fill (r->cr);
}

/* A rule across the plot at @position along the x axis (@along_x) or
 * across it; a reference line is dashed, an event solid. */
static void
rule (McRender                *r,
      const McAnnotationFrame *frame,
      double                   position,
      gboolean                 along_x,
      gboolean                 dashed)
{
  const McRect *plot = &frame->axes->plot;
  gboolean vertical = along_x != frame->horizontal;
  double p = mc_render_snap (r, position, r->line);

  if (vertical ? p < plot->x - 0.5 || p > plot->x + plot->width + 0.5
               : p < plot->y - 0.5 || p > plot->y + plot->height + 0.5)
    return;
  cairo_save (r->cr);
  mc_render_set_color (r, mc_theme_get_text_secondary (r->theme));
  cairo_set_line_width (r->cr, r->line);
  if (dashed)
    cairo_set_dash (r->cr, (double[]) { 4 * r->line, 3 * r->line }, 2, 0);
  if (vertical)
    {
      cairo_move_to (r->cr, p, plot->y);
      cairo_line_to (r->cr, p, plot->y + plot->height);
    }
  else
    {
      cairo_move_to (r->cr, plot->x, p);
      cairo_line_to (r->cr, plot->x + plot->width, p);
    }
  cairo_stroke (r->cr);
  cairo_restore (r->cr);
}

/**
 * mc_render_annotations_under:
 *
 * Draws what the annotations put behind the data: shaded ranges and
 * bands, the rules of events and reference lines.
 */
void
mc_render_annotations_under (McRender                *r,
                             const McAnnotationFrame *frame)
{
  GArray *annotations = r->chart->annotations;

  /* Shading first, so that no rule is hidden under a range. */
  for (guint pass = 0; annotations != NULL && pass < 2; pass++)
    for (guint i = 0; i < annotations->len; i++)
      {
        const McAnnotation *annotation = &g_array_index (annotations, McAnnotation, i);
        McRect rect;

        switch (annotation->type)
          {
          case MC_ANNOTATION_RANGE:
          case MC_ANNOTATION_BAND:
            rect = annotation_rect (frame, annotation);
            if (pass == 0)
              shade (r, &rect, &frame->axes->plot);
            break;
          case MC_ANNOTATION_EVENT:
            if (pass == 1)
              rule (r, frame, along (frame, annotation->x0), TRUE, FALSE);
            break;
          case MC_ANNOTATION_LINE:
            if (pass == 1)
              rule (r, frame, across (frame, annotation->axis, annotation->v0), FALSE, TRUE);
            break;
          case MC_ANNOTATION_CALLOUT:
          case MC_N_ANNOTATION_TYPES:
          default:
            break;
          }
      }
}

/* Over the data: labels */

static gboolean
rects_overlap (const McRect *a,
               const McRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Whether a label at @box would hide data: what the kind says it drew
 * there (lines, candles), or else a bar. */
static gboolean
covers_data (McRender                *r,
             const McAnnotationFrame *frame,
             const McTextBox         *box)
{
  McRect rect = { box->x, box->y, box->width, box->height };
  GArray *marks = r->out->marks;

  if (frame->covers != NULL)
    return frame->covers (frame->data, &rect);
  for (guint i = 0; i < marks->len; i++)
    {
      const McMark *mark = &g_array_index (marks, McMark, i);

      if (mark->shape == MC_MARK_RECT && rects_overlap (&rect, &mark->box))
        return TRUE;
    }
  return FALSE;
}

/* A place for a label: inside the plot, half an em from every other
 * text, over no data. */
static gboolean
place_is_free (McRender                *r,
               const McAnnotationFrame *frame,
               const McTextBox         *box)
{
  const McRect *plot = &frame->axes->plot;

  return box->x >= plot->x && box->y >= plot->y
         && box->x + box->width <= plot->x + plot->width
         && box->y + box->height <= plot->y + plot->height
         && mc_render_box_is_clear (r, box, r->body / 2)
         && !covers_data (r, frame, box);
}

static PangoLayout *
label_layout (McRender                *r,
              const McAnnotationFrame *frame,
              const char              *text)
{
  double width = MIN (MC_LABEL_EMS * r->body, frame->axes->plot.width * MC_LABEL_PLOT_SHARE);

  return mc_render_layout (r, text, MC_FONT_BODY, MAX (4 * r->body, width), MC_LABEL_LINES);
}

static void
show_label (McRender        *r,
            PangoLayout     *layout,
            const McTextBox *box,
            gboolean         strong)
{
  mc_render_show (r, layout, box->x, box->y, 0, MC_TEXT_ANNOTATION,
                  strong ? mc_theme_get_text (r->theme) : mc_theme_get_text_secondary (r->theme));
}

/* Tries the places @xs × @ys in turn (rows first) and shows @layout at
 * the first that is free. */
static gboolean
place_label (McRender                *r,
             const McAnnotationFrame *frame,
             PangoLayout             *layout,
             const double            *xs,
             guint                    n_xs,
             double                   y_from,
             double                   y_to,
             double                   y_step,
             gboolean                 strong)
{
  for (double y = y_from; y_step > 0 ? y <= y_to : y >= y_to; y += y_step)
    for (guint i = 0; i < n_xs; i++)
      {
        McTextBox box = mc_render_box_for (layout, xs[i], y, 0);

        if (!place_is_free (r, frame, &box))
          continue;
        show_label (r, layout, &box, strong);
        return TRUE;
      }
  return FALSE;
}

/* An event's label beside its rule, from the top of the plot down:
 * on the side with more room first. */
static void
event_label (McRender                *r,
             const McAnnotationFrame *frame,
             const McAnnotation      *annotation)
{
  g_autoptr(PangoLayout) layout = label_layout (r, frame, annotation->label);
  const McRect *plot = &frame->axes->plot;
  double x = along (frame, annotation->x0), w, h, gap = 1.5 * r->unit;
  double xs[2];

  mc_render_layout_size (layout, &w, &h);
  if (frame->horizontal)
    {
      /* Bars running left to right: the rule runs across, the label
       * sits on it at the right. */
      double right = plot->x + plot->width - w;

      xs[0] = right;
      place_label (r, frame, layout, xs, 1, x - gap - h, plot->y, -r->unit, TRUE);
      return;
    }
  xs[0] = x + gap;
  xs[1] = x - gap - w;
  if (x - plot->x > plot->x + plot->width - x)
    {
      xs[0] = x - gap - w;
      xs[1] = x + gap;
    }
  place_label (r, frame, layout, xs, 2, plot->y, plot->y + plot->height - h, r->unit, TRUE);
}

/* A reference line's label above it at the right end, or below it, or
 * at the left end. */
static void
line_label (McRender                *r,
            const McAnnotationFrame *frame,
            const McAnnotation      *annotation)
{
  g_autoptr(PangoLayout) layout = label_layout (r, frame, annotation->label);
  const McRect *plot = &frame->axes->plot;
  double v = across (frame, annotation->axis, annotation->v0), w, h, gap = r->unit;

  mc_render_layout_size (layout, &w, &h);
  if (frame->horizontal)
    {
      double xs[2] = { v + gap, v - gap - w };

      place_label (r, frame, layout, xs, 2, plot->y, plot->y + plot->height - h, r->unit, FALSE);
      return;
    }
  {
    double xs[2] = { plot->x + plot->width - w, plot->x };

    if (!place_label (r, frame, layout, xs, 2, v - gap - h, v - gap - h, 1, FALSE))
      place_label (r, frame, layout, xs, 2, v + gap, v + gap, 1, FALSE);
  }
}

/* A range's label at its top, centred, or a band's at its left. */
static void
span_label (McRender                *r,
            const McAnnotationFrame *frame,
            const McAnnotation      *annotation)
{
  g_autoptr(PangoLayout) layout = label_layout (r, frame, annotation->label);
  McRect rect = annotation_rect (frame, annotation);
  const McRect *plot = &frame->axes->plot;
  double w, h, xs[2];

  mc_render_layout_size (layout, &w, &h);
  rect.x = MAX (rect.x, plot->x);
  rect.width = MIN (rect.x + rect.width, plot->x + plot->width) - rect.x;
  if (annotation->type == MC_ANNOTATION_RANGE)
    {
      xs[0] = rect.x + (rect.width - w) / 2;
      place_label (r, frame, layout, xs, 1, plot->y + r->unit,
                   plot->y + plot->height - h, r->unit, FALSE);
      return;
    }
  xs[0] = plot->x + r->unit;
  xs[1] = plot->x + plot->width - r->unit - w;
  place_label (r, frame, layout, xs, 2, rect.y + r->unit, rect.y + rect.height - h,
               r->unit, FALSE);
}

/* Callouts */

/* The pixel of a callout's point: as the kind drew it, or its value. */
static gboolean
callout_anchor (McRender                *r,
                const McAnnotationFrame *frame,
                const McAnnotation      *annotation,
                double                  *x,
                double                  *y)
{
  McSeries *series = mc_chart_model_get_series (r->chart, annotation->series);
  double a, v;

  if (!mc_render_series_visible (r, annotation->series))
    return FALSE;
  if (frame->anchor != NULL)
    return frame->anchor (frame->data, annotation->series, annotation->point, x, y);
  a = along (frame, annotation->x0);
  v = across (frame, series->axis, mc_series_get_y (series, annotation->point));
  *x = frame->horizontal ? v : a;
  *y = frame->horizontal ? a : v;
  return isfinite (*x) && isfinite (*y);
}

/* A value label or note right over the point (a bar's "USD 50 bn", a
 * line's "148"): the callout points at it, from beyond it, rather than
 * through it. */
static void
lift_anchor (McRender                *r,
             const McAnnotationFrame *frame,
             double                  *x,
             double                  *y)
{
  GArray *boxes = r->out->boxes;
  gboolean lifted = TRUE;

  while (lifted)
    {
      lifted = FALSE;
      for (guint i = 0; i < boxes->len; i++)
        {
          const McTextBox *box = &g_array_index (boxes, McTextBox, i);
          double x0, y0, x1, y1;

          if (box->role != MC_TEXT_VALUE_LABEL && box->role != MC_TEXT_NOTE)
            continue;
          mc_text_box_get_bounds (box, &x0, &y0, &x1, &y1);
          if (!frame->horizontal && *x >= x0 && *x <= x1 && y1 <= *y + r->unit
              && y1 >= *y - 3 * r->unit && y0 < *y)
            {
              *y = y0;
              lifted = TRUE;
            }
          else if (frame->horizontal && *y >= y0 && *y <= y1 && x0 >= *x - r->unit
                   && x0 <= *x + 3 * r->unit && x1 > *x)
            {
              *x = x1;
              lifted = TRUE;
            }
        }
    }
}

/* Whether the segment from (@x0, @y0) to (@x1, @y1) crosses a text:
 * a leader line never runs through a label. */
static gboolean
segment_crosses_text (McRender *r,
                      double    x0,
                      double    y0,
                      double    x1,
                      double    y1)
{
  GArray *boxes = r->out->boxes;
  guint steps = (guint) ceil (hypot (x1 - x0, y1 - y0) / MAX (1, r->unit / 2));

  for (guint i = 0; i < boxes->len; i++)
    {
      double bx0, by0, bx1, by1;

      mc_text_box_get_bounds (&g_array_index (boxes, McTextBox, i), &bx0, &by0, &bx1, &by1);
      for (guint k = 0; k <= steps; k++)
        {
          double t = steps > 0 ? (double) k / steps : 0;
          double x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;

          if (x > bx0 && x < bx1 && y > by0 && y < by1)
            return TRUE;
        }
    }
  return FALSE;
}

/* The point of @box nearest to (@x, @y). */
static void
nearest_on_box (const McTextBox *box,
                double           x,
                double          *bx,
                double           y,
                double          *by)
{
  *bx = CLAMP (x, box->x, box->x + box->width);
  *by = CLAMP (y, box->y, box->y + box->height);
}

/* The two ends of the leader line from @box to (@x, @y), which stops
 * @clearance short of the point; FALSE when the label is too near to
 * need one. */
static gboolean
leader_ends (McRender        *r,
             const McTextBox *box,
             double           x,
             double           y,
             double           clearance,
             double           ends[4])
{
  double bx, by, dx, dy, length;

  nearest_on_box (box, x, &bx, y, &by);
  dx = x - bx;
  dy = y - by;
  length = hypot (dx, dy);
  if (length <= clearance + r->unit)
    return FALSE;
  ends[0] = bx + dx / length * r->unit * 0.5;
  ends[1] = by + dy / length * r->unit * 0.5;
  ends[2] = x - dx / length * clearance;
  ends[3] = y - dy / length * clearance;
  return TRUE;
}

static void
leader (McRender     *r,
        const double  ends[4])
{
  cairo_save (r->cr);
  mc_render_set_color (r, mc_theme_get_text_secondary (r->theme));
  cairo_set_line_width (r->cr, r->line);
  cairo_move_to (r->cr, ends[0], ends[1]);
  cairo_line_to (r->cr, ends[2], ends[3]);
  cairo_stroke (r->cr);
  cairo_restore (r->cr);
}

/* Around its point, nearest first: above on either side, beside,
 * below; the leader line joins the label to the point. */
static void
callout_label (McRender                *r,
               const McAnnotationFrame *frame,
               const McAnnotation      *annotation)
{
  static const double directions[][2] = {
    { 1, -1 }, { -1, -1 }, { 0, -1 }, { 1, 0 }, { -1, 0 }, { 1, 1 }, { -1, 1 }, { 0, 1 },
  };
  static const double distances[] = { 2, 4, 7, 11, 16 };
  g_autoptr(PangoLayout) layout = label_layout (r, frame, annotation->label);
  double px, py, ax, ay, w, h, clearance = MAX (2.5, r->body * 0.3) + r->unit;

  if (!callout_anchor (r, frame, annotation, &px, &py))
    return;
  ax = px;
  ay = py;
  lift_anchor (r, frame, &px, &py);
  if (px != ax || py != ay)
    clearance = r->unit;
  mc_render_layout_size (layout, &w, &h);
  for (guint d = 0; d < G_N_ELEMENTS (distances); d++)
    for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
      {
        double dx = directions[i][0], dy = directions[i][1];
        double reach = distances[d] * r->unit + clearance;
        double x = px + dx * reach - (dx < 0 ? w : dx == 0 ? w / 2 : 0);
        double y = py + dy * reach - (dy < 0 ? h : dy == 0 ? h / 2 : 0);
        McTextBox box = mc_render_box_for (layout, x, y, 0);
        double ends[4];
        gboolean has_leader;

        if (!place_is_free (r, frame, &box))
          continue;
        has_leader = leader_ends (r, &box, px, py, clearance, ends);
        if (has_leader && segment_crosses_text (r, ends[0], ends[1], ends[2], ends[3]))
          continue;
        if (has_leader)
          leader (r, ends);
        show_label (r, layout, &box, TRUE);
        return;
      }
}

/* The order in which labels are placed: callouts first, range labels
 * last, so that these give way first. */
static guint
label_rank (McAnnotationType type)
{
  switch (type)
    {
    case MC_ANNOTATION_CALLOUT:
      return 0;
    case MC_ANNOTATION_EVENT:
      return 1;
    case MC_ANNOTATION_LINE:
      return 2;
    case MC_ANNOTATION_RANGE:
    case MC_ANNOTATION_BAND:
    case MC_N_ANNOTATION_TYPES:
    default:
      return 3;
    }
}

static void
annotation_label (McRender                *r,
                  const McAnnotationFrame *frame,
                  const McAnnotation      *annotation)
{
  switch (annotation->type)
    {
    case MC_ANNOTATION_CALLOUT:
      callout_label (r, frame, annotation);
      break;
    case MC_ANNOTATION_EVENT:
      event_label (r, frame, annotation);
      break;
    case MC_ANNOTATION_LINE:
      line_label (r, frame, annotation);
      break;
    case MC_ANNOTATION_RANGE:
    case MC_ANNOTATION_BAND:
    case MC_N_ANNOTATION_TYPES:
    default:
      span_label (r, frame, annotation);
      break;
    }
}

/* What the pointer and the keyboard say at the x of an annotation. */
static void
add_note (McRender           *r,
          const McAnnotation *annotation)
{
  McMarkNote note = { 0 };

  if (annotation->label == NULL || isnan (annotation->x0))
    return;
  note.series = annotation->type == MC_ANNOTATION_CALLOUT ? annotation->series : G_MAXUINT;
  note.x0 = annotation->x0;
  note.x1 = isnan (annotation->x1) ? annotation->x0 : annotation->x1;
  note.text = mc_render_intern (r, annotation->label);
  g_array_append_val (r->out->notes, note);
}

/**
 * mc_render_annotations_over:
 *
 * Places the labels of the annotations, callouts first (see the top of
 * this file), and records their notes. Call it after every other text
 * of the plot is placed.
 */
void
mc_render_annotations_over (McRender                *r,
                            const McAnnotationFrame *frame)
{
  GArray *annotations = r->chart->annotations;

  r->out->annotation_area = frame->axes->plot;
  for (guint rank = 0; annotations != NULL && rank <= 3; rank++)
    for (guint i = 0; i < annotations->len; i++)
      {
        const McAnnotation *annotation = &g_array_index (annotations, McAnnotation, i);

        gboolean here;

        if (label_rank (annotation->type) != rank)
          continue;
        /* Once for all panels; a callout where its series is. */
        here = annotation->type == MC_ANNOTATION_CALLOUT
               ? mc_render_series_visible (r, annotation->series)
               : r->panel == NULL || r->panel->first;
        if (!here)
          continue;
        add_note (r, annotation);
        if (annotation->label != NULL && *annotation->label != '\0')
          annotation_label (r, frame, annotation);
      }
}

/**
 * mc_render_annotations_domain:
 * @lo: (inout): the lowest value axis @axis shows, NAN for none
 * @hi: (inout): the highest
 *
 * Widens a value domain to the reference lines and bands on it, so
 * that they are on the plot.
 */
void
mc_render_annotations_domain (McRender *r,
                              guint     axis,
                              double   *lo,
                              double   *hi)
{
  GArray *annotations = r->chart->annotations;

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      const McAnnotation *annotation = &g_array_index (annotations, McAnnotation, i);
      double values[2] = { annotation->v0, annotation->v1 };

      if (annotation->axis != axis)
        continue;
      for (guint v = 0; v < 2; v++)
        if (!isnan (values[v]))
          {
            *lo = isnan (*lo) ? values[v] : MIN (*lo, values[v]);
            *hi = isnan (*hi) ? values[v] : MAX (*hi, values[v]);
          }
    }
}
