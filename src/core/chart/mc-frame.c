/* mc-frame.c: what every chart has around its plot: the title, the
 * subtitle and the source line, and the message of a chart that can't be
 * drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-format.h"
#include "mc-render-private.h"

/* The plot keeps at least this share of the height when the subtitle is
 * shown; below it, small canvases drop the subtitle. */
#define MC_MIN_BODY_SHARE 0.6

/* Frame */

static char *
source_text (McChartModel *chart)
{
  return mc_format_source_line (mc_chart_model_get_source_name (chart),
                                mc_chart_model_get_source_date (chart));
}

/* The layout of a title, subtitle, footnote or source, its last two
 * words bound by a no-break space: wrapped, it never leaves one word
 * alone on its last line ("Feb" / "2025"). Texts without spaces (Chinese)
 * wrap as they are. */
static PangoLayout *
frame_layout (McRender   *r,
              const char *text,
              McFont      font,
              double      width,
              int         max_lines)
{
  const char *space = strrchr (text, ' ');
  g_autofree char *bound = NULL;

  if (space == NULL || space == text || space[1] == '\0')
    return mc_render_layout (r, text, font, width, max_lines);
  bound = g_strdup_printf ("%.*s\u00a0%s", (int) (space - text), text, space + 1);
  return mc_render_layout (r, bound, font, width, max_lines);
}

/* A line of small secondary text at the bottom, above @bottom. */
static double
frame_footer_line (McRender   *r,
                   const char *text,
                   double      width,
                   double      bottom,
                   int         max_lines,
                   McTextRole  role)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  if (text == NULL || *text == '\0')
    return bottom;
  layout = frame_layout (r, text, MC_FONT_SMALL, width, max_lines);
  mc_render_layout_size (layout, &w, &h);
  mc_render_show (r, layout, r->pad, bottom - h, 0, role,
                  mc_theme_get_text_secondary (r->theme));
  return bottom - h;
}

/* The source line, and above it the chart's footnote. */
static double
frame_footer (McRender *r,
              double    width)
{
  g_autofree char *source = source_text (r->chart);
  const char *footnote = mc_chart_spec_get_string (r->chart->spec, "footnote");
  double bottom = r->height - r->pad;

  bottom = frame_footer_line (r, source, width, bottom, 2, MC_TEXT_SOURCE);
  if (footnote != NULL && *footnote != '\0' && source != NULL)
    bottom -= r->unit;
  return frame_footer_line (r, footnote, width, bottom, 3, MC_TEXT_FOOTNOTE);
}

void
mc_render_frame (McRender *r)
{
  const McChartSpec *spec = r->chart->spec;
  double width = MAX (1, r->width - 2 * r->pad);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  double w, h, sub_h = 0, top, bottom;

  title = frame_layout (r, mc_chart_model_get_title (r->chart), MC_FONT_TITLE, width, 2);
  mc_render_layout_size (title, &w, &h);
  mc_render_show (r, title, r->pad, r->pad, 0, MC_TEXT_TITLE, mc_theme_get_text (r->theme));
  top = r->pad + h;

  bottom = frame_footer (r, width) - 4 * r->unit;

  if (spec->subtitle && *spec->subtitle)
    {
      subtitle = frame_layout (r, spec->subtitle, MC_FONT_BODY, width, 2);
      mc_render_layout_size (subtitle, &w, &sub_h);
      if (bottom - (top + r->unit + sub_h + 4 * r->unit) >= MC_MIN_BODY_SHARE * r->height)
        {
          mc_render_show (r, subtitle, r->pad, top + r->unit, 0, MC_TEXT_SUBTITLE,
                          mc_theme_get_text_secondary (r->theme));
          top += r->unit + sub_h;
        }
    }
  top += 4 * r->unit;

  r->body_area.x = r->pad;
  r->body_area.y = top;
  r->body_area.width = width;
  r->body_area.height = MAX (0, bottom - top);
}

void
mc_render_empty (McRender     *r,
                 const McRect *area,
                 gboolean      has_data)
{
  g_autoptr(PangoLayout) layout = NULL;
  McTextBox box;
  double w, h;

  layout = mc_render_layout (r, has_data ? _("Too small to draw") : _("No data to show"),
                             MC_FONT_BODY, area->width, 1);
  mc_render_layout_size (layout, &w, &h);
  box = mc_render_box_for (layout, area->x + (area->width - w) / 2,
                           area->y + (area->height - h) / 2, 0);
  if (area->height >= h && mc_render_box_is_free (r, &box))
    mc_render_show (r, layout, box.x, box.y, 0, MC_TEXT_NOTE,
                    mc_theme_get_text_secondary (r->theme));
}
