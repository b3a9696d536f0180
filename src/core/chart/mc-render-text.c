/* mc-chart-text.c: measuring, placing and recording text with pango
 *
 * Every text of a chart goes through mc_render_show(), which records its
 * box, so layout code can ask whether a place is free and tests can check
 * that no two texts overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mc-render-private.h"

#define MC_TITLE_RATIO 1.4
#define MC_SMALL_RATIO 0.85

void
mc_render_set_color (McRender      *r,
                     const McColor *color)
{
  cairo_set_source_rgba (r->cr, color->red, color->green, color->blue, color->alpha);
}

double
mc_render_font_size (McRender *r,
                     McFont    font)
{
  switch (font)
    {
    case MC_FONT_TITLE:
      return r->body * MC_TITLE_RATIO;
    case MC_FONT_SMALL:
      return MAX (8, r->body * MC_SMALL_RATIO);
    case MC_FONT_BODY:
    case MC_FONT_BODY_BOLD:
    default:
      return r->body;
    }
}

/* Tabular figures, so that columns of numbers align. */
static PangoAttrList *
text_attributes (void)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  return attrs;
}

/**
 * mc_render_layout:
 * @max_width: wrap (or ellipsize) at this width; <= 0 for no limit
 * @max_lines: at most this many lines, the last one ellipsized; 0 for no
 *   limit
 */
PangoLayout *
mc_render_layout (McRender   *r,
                  const char *text,
                  McFont      font,
                  double      max_width,
                  int         max_lines)
{
  PangoLayout *layout = pango_layout_new (r->pango);
  const char *family = mc_theme_get_font_family (r->theme);
  PangoFontDescription *desc = pango_font_description_from_string (family);
  PangoAttrList *attrs = text_attributes ();

  pango_font_description_set_absolute_size (desc, mc_render_font_size (r, font) * PANGO_SCALE);
  if (font == MC_FONT_TITLE || font == MC_FONT_BODY_BOLD)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_attributes (layout, attrs);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) floor (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -1);
    }
  pango_layout_set_text (layout, text ? text : "", -1);

  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);
  return layout;
}

static void
layout_logical (PangoLayout *layout,
                double      *x,
                double      *y,
                double      *width,
                double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *x = (double) logical.x / PANGO_SCALE;
  *y = (double) logical.y / PANGO_SCALE;
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

void
mc_render_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  double x, y;

  layout_logical (layout, &x, &y, width, height);
}

/**
 * mc_render_text_width:
 * @height: (out) (optional): the height of its line
 *
 * The one measure of a text on one line, as mc_render_show() draws it.
 */
double
mc_render_text_width (McRender   *r,
                      const char *text,
                      McFont      font,
                      double     *height)
{
  g_autoptr(PangoLayout) layout = mc_render_layout (r, text, font, -1, 0);
  double w, h;

  mc_render_layout_size (layout, &w, &h);
  if (height)
    *height = h;
  return w;
}

/* The height of a line of text in @font. */
double
mc_render_line_height (McRender *r,
                       McFont    font)
{
  double h;

  mc_render_text_width (r, "Ag", font, &h);
  return h;
}

McTextBox
mc_render_box_for (PangoLayout *layout,
                   double       x,
                   double       y,
                   double       angle)
{
  McTextBox box = { 0 };
  double lx, ly;

  layout_logical (layout, &lx, &ly, &box.width, &box.height);
  box.x = x;
  box.y = y;
  box.angle = angle;
  box.text = pango_layout_get_text (layout);
  return box;
}

/**
 * mc_render_text_x_in_padding:
 * @x: where the left edge of the text would be
 * @width: the text's width
 *
 * @x, moved inward where the text would come nearer the canvas's left or
 * right edge than the outer padding: labels centred on the ends of an
 * axis keep the margin that titles, legends and the source line keep. A
 * text wider than the room between the paddings starts at the left one.
 */
double
mc_render_text_x_in_padding (McRender *r,
                             double    x,
                             double    width)
{
  return CLAMP (x, r->pad, MAX (r->pad, r->width - r->pad - width));
}

/* Is @box inside the canvas and at least @margin away from every text
 * placed so far? */
gboolean
mc_render_box_is_clear (McRender        *r,
                        const McTextBox *box,
                        double           margin)
{
  GArray *boxes = r->out->boxes;
  McTextBox grown = *box;
  double x0, y0, x1, y1;
  const double tolerance = 0.5;

  mc_text_box_get_bounds (box, &x0, &y0, &x1, &y1);
  if (x0 < -tolerance || y0 < -tolerance
      || x1 > r->width + tolerance || y1 > r->height + tolerance)
    return FALSE;
  /* Grow the box by the margin on all sides, in its own frame. */
  grown.x -= margin * (cos (box->angle) - sin (box->angle));
  grown.y -= margin * (sin (box->angle) + cos (box->angle));
  grown.width += 2 * margin;
  grown.height += 2 * margin;
  for (guint i = 0; i < boxes->len; i++)
    if (mc_text_box_overlaps (&grown, &g_array_index (boxes, McTextBox, i)))
      return FALSE;
  return TRUE;
}

/* Is @box, a value label, at least half an em from every text placed so
 * far? Closer, two values read as one ("USD 50 bn USD 50 bn"); a label
 * that can't keep its distance gives way, in the order its kind says. */
gboolean
mc_render_value_label_is_clear (McRender        *r,
                                const McTextBox *box)
{
  return mc_render_box_is_clear (r, box, r->body / 2);
}

gboolean
mc_render_box_is_free (McRender        *r,
                       const McTextBox *box)
{
  return mc_render_box_is_clear (r, box, 0);
}

/* Draws @layout with the top left of its logical box at (@x, @y), turned
 * by @angle around that point, and records the box. */
void
mc_render_show (McRender      *r,
                PangoLayout   *layout,
                double         x,
                double         y,
                double         angle,
                McTextRole     role,
                const McColor *color)
{
  McTextBox box = mc_render_box_for (layout, x, y, angle);
  double lx, ly, lw, lh;

  layout_logical (layout, &lx, &ly, &lw, &lh);
  cairo_save (r->cr);
  cairo_translate (r->cr, x, y);
  if (angle != 0)
    cairo_rotate (r->cr, angle);
  cairo_move_to (r->cr, -lx, -ly);
  mc_render_set_color (r, color);
  pango_cairo_update_layout (r->cr, layout);
  pango_cairo_show_layout (r->cr, layout);
  cairo_restore (r->cr);

  box.role = role;
  box.text = g_string_chunk_insert (r->out->strings, pango_layout_get_text (layout));
  g_array_append_val (r->out->boxes, box);
}
