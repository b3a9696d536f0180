/* mc-line-raster.h: long, dense lines drawn on images without cairo's
 * stroker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Sub-columns of a pixel at which the line's vertical extent is measured:
 * each pixel's coverage is exact in y and sampled this often in x. Eight
 * keep every pixel within 32 of 255 levels of cairo's stroke, and all
 * but a few in a thousand within 16 for a decimated line; a line of
 * noise a point a pixel apart, all but 1 in 135 (its spikes' tips are
 * narrower than a sub-column: tests/test-long-series.c). Sixteen would
 * take twice as long for half the difference. */
#define MC_LINE_RASTER_SUBCOLUMNS 8

/* Strokes the polyline of @n_points points (@xy holds x and y of each, in
 * user space; x never decreases) @width wide, with round joins and caps,
 * in the current source, as cairo_stroke() does. On an image surface
 * drawn at any scale but without rotation the coverage of each pixel is
 * computed here (within 32 of 255 levels of cairo's, five times faster
 * for a line of thousands of points); elsewhere cairo strokes it. */
void      mc_line_raster_stroke    (cairo_t       *cr,
                                    const double  *xy,
                                    guint          n_points,
                                    double         width);

G_END_DECLS
