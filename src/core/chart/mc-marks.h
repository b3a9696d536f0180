/* mc-marks.h: what one render of a chart drew, and where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-chart-model.h"
#include "mc-view-options.h"

G_BEGIN_DECLS

/* What a text box placed during layout is: tests use the roles to check
 * that nothing overlaps, the window may use them for tooltips. */
typedef enum
{
  MC_TEXT_TITLE,
  MC_TEXT_SUBTITLE,
  MC_TEXT_SOURCE,
  MC_TEXT_AXIS_TITLE,
  MC_TEXT_TICK_LABEL,
  MC_TEXT_CATEGORY_LABEL,
  MC_TEXT_VALUE_LABEL,
  MC_TEXT_SERIES_LABEL,      /* direct label at the end of a line */
  MC_TEXT_LEGEND,
  MC_TEXT_NOTE,              /* "Est.", empty chart message */
  MC_TEXT_PANEL_TITLE,       /* the name of a panel of small multiples */
  MC_TEXT_FOOTNOTE,          /* the chart's footnote, above the source */
  MC_TEXT_ANNOTATION,        /* the label of an event, a reference line,
                              * a range or a callout */
} McTextRole;

/* A text placed by a render, in the coordinates of that render: the
 * rectangle (@x, @y, @width, @height) turned by @angle (radians,
 * clockwise as on screen) around its corner (@x, @y). */
typedef struct
{
  McTextRole  role;
  const char *text;          /* owned by the marks */
  double      x;
  double      y;
  double      width;
  double      height;
  double      angle;
} McTextBox;

/* The result of one render: its size, the model and view options it was
 * drawn with, its texts, its marks (bars, slices, the points of lines,
 * legend entries) and its axes. Hit-testing and the keyboard work on it
 * (mc-hit.h), so they always see what was drawn. Immutable; reference
 * counted. The marks refer to their model without owning it, so that
 * whoever keeps them with the model makes no reference cycle: keep the
 * model at least as long as its marks. */
typedef struct _McMarks McMarks;

McMarks             *mc_marks_ref              (McMarks           *marks);
void                 mc_marks_unref            (McMarks           *marks);
McChartModel        *mc_marks_get_model        (McMarks           *marks);
const McViewOptions *mc_marks_get_options      (McMarks           *marks);
void                 mc_marks_get_size         (McMarks           *marks,
                                                double            *width,
                                                double            *height);
const McTextBox     *mc_marks_get_text_boxes   (McMarks           *marks,
                                                guint             *n_boxes);
/* Whether the marks are the points of lines, found by x (rather than bars
 * or slices, found by their shapes). */
gboolean             mc_marks_has_points       (McMarks           *marks);
/* The rectangle of the plot of lines, areas and other charts over a time
 * or number axis. */
gboolean             mc_marks_get_plot_area    (McMarks           *marks,
                                                double            *x,
                                                double            *y,
                                                double            *width,
                                                double            *height);
/* The x value under @pixel, or NAN without a time or number x axis. */
double               mc_marks_get_x_at         (McMarks           *marks,
                                                double             pixel);

/* The axis-aligned bounds of @box, and whether two boxes overlap (by
 * more than a hair: boxes that touch do not). */
void                 mc_text_box_get_bounds    (const McTextBox   *box,
                                                double            *x0,
                                                double            *y0,
                                                double            *x1,
                                                double            *y1);
gboolean             mc_text_box_overlaps      (const McTextBox   *a,
                                                const McTextBox   *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McMarks, mc_marks_unref)

G_END_DECLS
