/* mc-line-raster.c: long, dense lines drawn on images without cairo's
 * stroker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line of millions of points is drawn decimated: per pixel column its
 * first, lowest, highest and last point, thousands of short segments.
 * Stroked by cairo, every round join is a polygon and every scan line
 * crosses thousands of edges; that takes 15 to 40 ms at 1200 × 800, more
 * than a frame. The stroke of a polyline with round joins and caps is
 * the union of its segments' capsules (a segment swept by a disc), and
 * a line whose x never decreases meets only a few of them at any x. So
 * each pixel column is cut at MC_LINE_RASTER_SUBCOLUMNS vertical lines;
 * on each, the capsules met give intervals of y, whose union covers the
 * pixels of the column by its length, exactly. The coverage is a mask
 * painted with the current source, as cairo_stroke() paints its own.
 * tests/test-long-series.c checks it against cairo's stroke.
 */
#include "config.h"

#include "mc-line-raster.h"

#include "mc-parallel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A segment in device space, with what its cross-sections need. */
typedef struct
{
  double ax, ay, bx, by;
  double left, right;   /* the extent of its capsule */
  double top, bottom;
  double ux, uy;        /* its direction */
  double length;
  double inverse_ux;    /* 1 / ux, 0 when ux is */
  double inverse_uy;
} Segment;

typedef struct
{
  double low;
  double high;
} Span;

/* Strips of at least this many columns go to threads of their own. */
#define MIN_STRIP_WIDTH 128

typedef struct
{
  Segment *segments;
  guint    n_segments;
  double   radius;
  int      x0, y0;      /* the mask's place in device space */
  int      width, height;
  guint8  *mask;
  int      stride;
} Raster;

/* A strip of columns of the mask, which one thread covers. */
typedef struct
{
  const Raster *raster;
  int      from, to;    /* its columns */
  guint    first;       /* the first segment that may reach the column */
  /* The coverage of the current pixel column, as the rows each end of
   * an interval starts (ends[]) and the part of its row it takes
   * (parts[]): an interval costs the same whatever its length. */
  float   *ends;
  float   *parts;
  int      touched_low; /* the rows of the column that have some */
  int      touched_high;
  Span    *spans;       /* on the current sub-column: disjoint, in order */
  guint    n_spans;
  guint    spans_size;
} Strip;

/* The device transform of @cr when it neither rotates nor skews, and its
 * target is an image. */
static gboolean
image_transform (cairo_t *cr,
                 double  *scale)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &sx, &sy);
  *scale = matrix.xx * sx;
  return matrix.xy == 0 && matrix.yx == 0 && matrix.xx > 0 && matrix.xx * sx == matrix.yy * sy;
}

/* A point of user space in the pixels of the target image: the current
 * transformation, then the surface's device scale and offset (HiDPI),
 * which cairo_user_to_device() leaves out. */
static void
to_pixels (cairo_t *cr,
           double  *x,
           double  *y)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double sx, sy, ox, oy;

  cairo_user_to_device (cr, x, y);
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  *x = *x * sx + ox;
  *y = *y * sy + oy;
}

static void
segment_init (Segment *s,
              double   ax,
              double   ay,
              double   bx,
              double   by,
              double   radius)
{
  s->ax = ax, s->ay = ay, s->bx = bx, s->by = by;
  s->left = MIN (ax, bx) - radius;
  s->right = MAX (ax, bx) + radius;
  s->top = MIN (ay, by) - radius;
  s->bottom = MAX (ay, by) + radius;
  s->length = sqrt ((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
  s->ux = s->length > 0 ? (bx - ax) / s->length : 0;
  s->uy = s->length > 0 ? (by - ay) / s->length : 0;
  s->inverse_ux = s->ux != 0 ? 1 / s->ux : 0;
  s->inverse_uy = s->uy != 0 ? 1 / s->uy : 0;
}

/* Narrows [*t0, *t1] to the t where a + b t lies in [low, high];
 * @inverse_b is 1 / b, 0 when b is. */
static inline void
clip_linear (double  a,
             double  b,
             double  inverse_b,
             double  low,
             double  high,
             double *t0,
             double *t1)
{
  double from, to;

  if (b == 0)
    {
      if (a < low || a > high)
        *t0 = 1, *t1 = 0;
      return;
    }
  from = (low - a) * inverse_b;
  to = (high - a) * inverse_b;
  *t0 = MAX (*t0, MIN (from, to));
  *t1 = MIN (*t1, MAX (from, to));
}

static inline void
widen_with_disc (double  cx,
                 double  cy,
                 double  radius,
                 double  x,
                 Span   *span)
{
  double dx = x - cx;

  if (dx * dx <= radius * radius)
    {
      double h = sqrt (radius * radius - dx * dx);

      span->low = MIN (span->low, cy - h);
      span->high = MAX (span->high, cy + h);
    }
}

/* Where the vertical line at @x crosses the capsule of @s: its end discs
 * and the band along it. FALSE when it does not. The disc at its start
 * is left out @after_another segment, whose end disc it is: wherever
 * it reaches, that segment's capsule does too. */
static gboolean
cross_section (const Segment *s,
               double         radius,
               double         x,
               gboolean       after_another,
               Span          *span)
{
  span->low = INFINITY;
  span->high = -INFINITY;
  if (!after_another)
    widen_with_disc (s->ax, s->ay, radius, x, span);
  widen_with_disc (s->bx, s->by, radius, x, span);
  if (s->length > 0)
    {
      double dx = x - s->ax, t0 = -INFINITY, t1 = INFINITY;

      /* Along the segment, between its ends; across it, within the
       * radius: both linear in t = y - ay. */
      clip_linear (dx * s->ux, s->uy, s->inverse_uy, 0, s->length, &t0, &t1);
      clip_linear (-dx * s->uy, s->ux, s->inverse_ux, -radius, radius, &t0, &t1);
      if (t0 <= t1)
        {
          span->low = MIN (span->low, s->ay + t0);
          span->high = MAX (span->high, s->ay + t1);
        }
    }
  return span->low < span->high;
}

/* Room for one more span, at @index. */
static void
insert_span (Strip  *strip,
             guint   index)
{
  if (strip->n_spans == strip->spans_size)
    {
      strip->spans_size = MAX (16, 2 * strip->spans_size);
      strip->spans = g_renew (Span, strip->spans, strip->spans_size);
    }
  if (index < strip->n_spans)
    memmove (&strip->spans[index + 1], &strip->spans[index],
             (strip->n_spans - index) * sizeof (Span));
  strip->n_spans++;
}

/* Adds @span to the union of the sub-column's spans. The capsules that
 * cross a sub-column mostly overlap: the union is one or two spans, and
 * this takes a step or two. */
static void
unite_span (Strip      *strip,
            const Span *span)
{
  Span *spans;
  guint i = 0, next;

  while (i < strip->n_spans && strip->spans[i].high < span->low)
    i++;
  if (i == strip->n_spans || strip->spans[i].low > span->high)
    {
      insert_span (strip, i);
      strip->spans[i] = *span;
      return;
    }
  spans = strip->spans;
  spans[i].low = MIN (spans[i].low, span->low);
  spans[i].high = MAX (spans[i].high, span->high);
  for (next = i + 1; next < strip->n_spans && spans[next].low <= spans[i].high; next++)
    spans[i].high = MAX (spans[i].high, spans[next].high);
  if (next == i + 1)
    return;
  memmove (&spans[i + 1], &spans[next], (strip->n_spans - next) * sizeof (Span));
  strip->n_spans -= next - i - 1;
}

/* An end of an interval at @y (rows relative to the mask): the rows
 * above it take @weight each, its own row the part of it above @y. */
static inline void
add_end (Strip  *strip,
         double  y,
         float   weight)
{
  int row = (int) y;

  strip->ends[row] += weight;
  strip->parts[row] += weight * (float) (y - row);
  strip->touched_low = MIN (strip->touched_low, row);
  strip->touched_high = MAX (strip->touched_high, row);
}

/* Adds @weight times the length of [low, high] in each pixel row of the
 * column. */
static void
cover_rows (Strip  *strip,
            double  low,
            double  high,
            float   weight)
{
  low = MAX (low, 0);
  high = MIN (high, strip->raster->height);
  if (!(high > low))
    return;
  add_end (strip, high, weight);
  add_end (strip, low, -weight);
}

/* Whether a span of the union holds the whole height of @segment, which
 * then adds nothing: most short segments of a dense line. The spans are
 * apart and in order: only the last that starts above the segment can. */
static inline gboolean
covered (const Strip   *strip,
         const Segment *segment)
{
  for (guint i = strip->n_spans; i > 0; i--)
    if (strip->spans[i - 1].low <= segment->top)
      return strip->spans[i - 1].high >= segment->bottom;
  return FALSE;
}

/* The union of the capsules crossed at @x (in mask space), added to the
 * column with @weight. */
static void
cover_sub_column (Strip  *strip,
                  double  x,
                  float   weight)
{
  const Raster *raster = strip->raster;

  while (strip->first < raster->n_segments && raster->segments[strip->first].right < x)
    strip->first++;
  strip->n_spans = 0;
  for (guint i = strip->first; i < raster->n_segments && raster->segments[i].left <= x; i++)
    {
      Span span;

      if (!covered (strip, &raster->segments[i])
          && cross_section (&raster->segments[i], raster->radius, x, i > 0, &span))
        unite_span (strip, &span);
    }
  for (guint i = 0; i < strip->n_spans; i++)
    cover_rows (strip, strip->spans[i].low, strip->spans[i].high, weight);
}

static void
cover_column (Strip *strip,
              int    column)
{
  const float weight = 1.0f / MC_LINE_RASTER_SUBCOLUMNS;
  float running = 0;

  strip->touched_low = strip->raster->height;
  strip->touched_high = -1;
  for (int k = 0; k < MC_LINE_RASTER_SUBCOLUMNS; k++)
    cover_sub_column (strip, column + (k + 0.5) / MC_LINE_RASTER_SUBCOLUMNS, weight);
  /* A row has the ends below it, and the parts of its own row. */
  for (int row = strip->touched_high; row >= strip->touched_low; row--)
    {
      float coverage = CLAMP (running + strip->parts[row], 0.0f, 1.0f);

      if (row < strip->raster->height)
        strip->raster->mask[row * strip->raster->stride + column] = (guint8) (coverage * 255 + 0.5f);
      running += strip->ends[row];
      strip->ends[row] = strip->parts[row] = 0;
    }
}

/* The first segment whose capsule reaches @x: their right ends never
 * decrease. */
static guint
first_segment (const Raster *raster,
               double        x)
{
  guint lo = 0, hi = raster->n_segments;

  while (lo < hi)
    {
      guint middle = lo + (hi - lo) / 2;

      if (raster->segments[middle].right < x)
        lo = middle + 1;
      else
        hi = middle;
    }
  return lo;
}

static void
cover_strip (Strip *strip)
{
  int height = strip->raster->height;

  strip->first = first_segment (strip->raster, strip->from);
  /* An end may be at the bottom of the last row. */
  strip->ends = g_new0 (float, height + 1);
  strip->parts = g_new0 (float, height + 1);
  for (int c = strip->from; c < strip->to; c++)
    cover_column (strip, c);
  g_free (strip->ends);
  g_free (strip->parts);
  g_free (strip->spans);
}

static void
cover_strip_part (guint    part,
                  guint    n_parts,
                  gpointer user_data)
{
  Strip *strips = user_data;

  cover_strip (&strips[part]);
}

/* The columns in strips, one per processor, covered at once: the
 * columns are independent. */
static void
cover_strips (const Raster *raster)
{
  guint n_strips = mc_parallel_count_parts ((guint) raster->width / MIN_STRIP_WIDTH);
  Strip strips[MC_PARALLEL_MAX_PARTS] = { { 0, } };

  for (guint i = 0; i < n_strips; i++)
    {
      strips[i].raster = raster;
      strips[i].from = raster->width * i / n_strips;
      strips[i].to = raster->width * (i + 1) / n_strips;
    }
  mc_parallel_run (n_strips, cover_strip_part, strips);
}

/* The part of the target the line can touch: the clip, within the
 * surface, within the line's extent (device pixels). */
static gboolean
find_bounds (cairo_t       *cr,
             const Segment *segments,
             guint          n_segments,
             Raster        *raster)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double x0, y0, x1, y1, top = INFINITY, bottom = -INFINITY;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  to_pixels (cr, &x0, &y0);
  to_pixels (cr, &x1, &y1);
  for (guint i = 0; i < n_segments; i++)
    {
      top = MIN (top, MIN (segments[i].ay, segments[i].by) - raster->radius);
      bottom = MAX (bottom, MAX (segments[i].ay, segments[i].by) + raster->radius);
    }
  x0 = MAX (MAX (x0, 0), segments[0].left);
  x1 = MIN (MIN (x1, cairo_image_surface_get_width (target)), segments[n_segments - 1].right);
  y0 = MAX (MAX (y0, 0), top);
  y1 = MIN (MIN (y1, cairo_image_surface_get_height (target)), bottom);
  raster->x0 = (int) floor (x0);
  raster->y0 = (int) floor (y0);
  raster->width = (int) ceil (x1) - raster->x0;
  raster->height = (int) ceil (y1) - raster->y0;
  return raster->width > 0 && raster->height > 0;
}

/* The segments in device space. */
static Segment *
device_segments (cairo_t      *cr,
                 const double *xy,
                 guint         n_points,
                 double        radius)
{
  Segment *segments = g_new (Segment, n_points - 1);
  double px = xy[0], py = xy[1];

  to_pixels (cr, &px, &py);
  for (guint i = 1; i < n_points; i++)
    {
      double x = xy[2 * i], y = xy[2 * i + 1];

      to_pixels (cr, &x, &y);
      segment_init (&segments[i - 1], px, py, x, y, radius);
      px = x, py = y;
    }
  return segments;
}

/* Makes the mask's origin the segments' (their directions stay). */
static void
shift_segments (Segment *segments,
                guint    n_segments,
                double   dx,
                double   dy)
{
  for (guint i = 0; i < n_segments; i++)
    {
      Segment *s = &segments[i];

      s->ax -= dx, s->bx -= dx, s->left -= dx, s->right -= dx;
      s->ay -= dy, s->by -= dy, s->top -= dy, s->bottom -= dy;
    }
}

/* Paints the mask, whose pixels are device pixels, with the source. */
static void
paint_mask (cairo_t *cr,
            Raster  *raster)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_surface_t *mask;
  double sx, sy, ox, oy;

  mask = cairo_image_surface_create_for_data (raster->mask, CAIRO_FORMAT_A8, raster->width,
                                              raster->height, raster->stride);
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_surface_set_device_scale (mask, sx, sy);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_mask_surface (cr, mask, (raster->x0 - ox) / sx, (raster->y0 - oy) / sy);
  cairo_restore (cr);
  cairo_surface_destroy (mask);
}

static void
stroke_with_cairo (cairo_t      *cr,
                   const double *xy,
                   guint         n_points,
                   double        width)
{
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < n_points; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
mc_line_raster_stroke (cairo_t      *cr,
                       const double *xy,
                       guint         n_points,
                       double        width)
{
  g_autofree Segment *segments = NULL;
  g_autofree guint8 *mask = NULL;
  Raster raster = { 0, };
  double scale;

  g_return_if_fail (cr != NULL && (xy != NULL || n_points == 0));

  if (n_points < 2)
    return;
  if (!image_transform (cr, &scale))
    {
      stroke_with_cairo (cr, xy, n_points, width);
      return;
    }
  raster.radius = width * scale / 2;
  segments = device_segments (cr, xy, n_points, raster.radius);
  if (!find_bounds (cr, segments, n_points - 1, &raster))
    return;
  shift_segments (segments, n_points - 1, raster.x0, raster.y0);
  raster.segments = segments;
  raster.n_segments = n_points - 1;
  raster.stride = cairo_format_stride_for_width (CAIRO_FORMAT_A8, raster.width);
  raster.mask = mask = g_malloc0 ((gsize) raster.stride * raster.height);
  cover_strips (&raster);
  paint_mask (cr, &raster);
}
