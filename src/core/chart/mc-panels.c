/* mc-panels.c: small multiples, one panel per series or per unit
 *
 * A chart whose kind can draw panels and whose spec asks for them
 * ("panels": "series" or "unit") is drawn as a grid of small charts of
 * the same kind, each showing some of the series. The panels share the
 * x axis; they share the value axis too when their series share a
 * unit, and then only the panels at the left label it. One legend and
 * one title of the measure stand above them all; a panel's own name is
 * over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mc-format.h"
#include "mc-render-private.h"

/* A panel is at least this many body text sizes wide and high. */
#define MC_PANEL_MIN_WIDTH 12
#define MC_PANEL_MIN_HEIGHT 7
/* The panels' best shape, width over height. */
#define MC_PANEL_ASPECT 1.6

typedef struct
{
  GArray *series;     /* guint: the series it draws */
  char   *title;
} Group;

typedef struct
{
  guint  cols;
  guint  rows;
  double width;       /* of one panel */
  double height;
  double gap;
  double title_height;
} Grid;

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_array_unref (group->series);
  g_free (group->title);
}

static gboolean
by_unit (McRender *r)
{
  return g_strcmp0 (mc_chart_spec_get_string (r->chart->spec, "panels"), "unit") == 0;
}

/* What a series is measured in, for grouping: NULL when it has no unit,
 * which shares an axis with nothing. */
static char *
unit_key (McRender *r,
          guint     series)
{
  return mc_format_unit (mc_chart_model_get_series (r->chart, series)->column);
}

/* The group a series joins: its own, or with "unit" the group of the
 * first series in the same unit. */
static Group *
group_for (McRender *r,
           GArray   *groups,
           guint     series)
{
  g_autofree char *unit = by_unit (r) ? unit_key (r, series) : NULL;
  Group group = { 0 };

  for (guint g = 0; unit != NULL && g < groups->len; g++)
    {
      Group *other = &g_array_index (groups, Group, g);
      g_autofree char *other_unit = unit_key (r, g_array_index (other->series, guint, 0));

      if (g_strcmp0 (unit, other_unit) == 0)
        return other;
    }
  group.series = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (groups, group);
  return &g_array_index (groups, Group, groups->len - 1);
}

/* A panel of one series is named by it; a panel with an axis of its
 * own by its series and their unit: "High, Low (°C)", "Share price
 * (HKD)". */
static char *
group_title (McRender    *r,
             const Group *group,
             gboolean     with_unit)
{
  McSeries *first = mc_chart_model_get_series (r->chart, g_array_index (group->series, guint, 0));
  g_autofree char *unit = mc_format_unit (first->column);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < group->series->len; i++)
    {
      McSeries *series = mc_chart_model_get_series (r->chart,
                                                     g_array_index (group->series, guint, i));

      if (i > 0)
        /* Translators: separates the series named in the title of a
         * panel, as in "High, Low (°C)" */
        g_string_append (names, _(", "));
      g_string_append (names, series->name);
    }
  if (with_unit && unit != NULL)
    {
      g_autofree char *list = g_string_free (names, FALSE);

      /* Translators: the title of a panel of series in one unit, as in
       * "High, Low (°C)" or "Share price (HKD)" */
      return g_strdup_printf (_("%s (%s)"), list, unit);
    }
  return g_string_free (names, FALSE);
}

/* The groups of the visible series, in the order of the series. */
static GArray *
collect_groups (McRender *r)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (Group));

  g_array_set_clear_func (groups, group_clear);
  for (guint s = 0; s < mc_chart_model_get_n_series (r->chart); s++)
    if (mc_render_series_visible (r, s))
      g_array_append_val (group_for (r, groups, s)->series, s);
  return groups;
}

/* Whether the panels measure one thing in one unit, and so share an
 * axis: the series of one column (a long table's tickers), or columns in
 * one known unit. */
static gboolean
panels_share_scale (McRender *r,
                    GArray   *groups)
{
  guint first = g_array_index (g_array_index (groups, Group, 0).series, guint, 0);
  g_autofree char *unit = unit_key (r, first);
  gboolean one_column = TRUE, one_unit = unit != NULL;

  if (by_unit (r))
    return FALSE;
  for (guint g = 1; g < groups->len; g++)
    {
      guint series = g_array_index (g_array_index (groups, Group, g).series, guint, 0);
      g_autofree char *other = unit_key (r, series);

      one_column = one_column && mc_chart_model_get_series (r->chart, series)->column
                                 == mc_chart_model_get_series (r->chart, first)->column;
      one_unit = one_unit && g_strcmp0 (unit, other) == 0;
    }
  return one_column || one_unit;
}

/* The grid: the number of columns whose panels come nearest the best
 * shape, each big enough to draw. FALSE when none is. */
static gboolean
choose_grid (McRender     *r,
             const McRect *area,
             guint         n,
             Grid         *grid)
{
  double best = G_MAXDOUBLE;

  grid->gap = 4 * r->unit;
  grid->title_height = mc_render_line_height (r, MC_FONT_BODY_BOLD) + r->unit;
  for (guint cols = 1; cols <= n; cols++)
    {
      guint rows = (n + cols - 1) / cols;
      double width = (area->width - (cols - 1) * grid->gap) / cols;
      double height = (area->height - (rows - 1) * grid->gap) / rows - grid->title_height;
      double score = fabs (log (width / MAX (height, 1) / MC_PANEL_ASPECT));

      if (width < MC_PANEL_MIN_WIDTH * r->body || height < MC_PANEL_MIN_HEIGHT * r->body
          || score >= best)
        continue;
      best = score;
      *grid = (Grid) { cols, rows, width, height, grid->gap, grid->title_height };
    }
  return best < G_MAXDOUBLE;
}

/* The view of one panel: the series of its group alone, and the whole
 * x range unless the view zooms, so that the panels share it. */
static void
panel_view (McRender      *r,
            const Group   *group,
            McViewOptions *view)
{
  double min, max;

  mc_view_options_copy (view, r->view);
  for (guint s = 0; s < mc_chart_model_get_n_series (r->chart); s++)
    mc_view_options_set_series_visible (view, s, FALSE);
  for (guint i = 0; i < group->series->len; i++)
    mc_view_options_set_series_visible (view, g_array_index (group->series, guint, i), TRUE);
  if (!view->has_x_window && mc_chart_model_can_zoom (r->chart)
      && mc_chart_model_get_x_extent (r->chart, &min, &max))
    mc_view_options_set_x_window (view, min, max);
}

static McRect
panel_rect (const McRect *area,
            const Grid   *grid,
            guint         index)
{
  guint col = index % grid->cols, row = index / grid->cols;

  return (McRect) { area->x + col * (grid->width + grid->gap),
                    area->y + row * (grid->height + grid->title_height + grid->gap),
                    grid->width, grid->height + grid->title_height };
}

/* One panel: its name over it, then its chart by the kind. */
static void
draw_panel (McRender     *r,
            McPanel      *panel,
            const Group  *group,
            const McRect *rect,
            const Grid   *grid,
            McMarks      *out)
{
  g_auto(McViewOptions) view = { 0 };
  McRender sub = *r;

  panel_view (r, group, &view);
  sub.view = &view;
  sub.panel = panel;
  sub.out = out;
  sub.body_area = (McRect) { rect->x, rect->y + grid->title_height, rect->width, grid->height };
  if (!panel->measuring)
    {
      g_autoptr(PangoLayout) title = mc_render_layout (r, group->title, MC_FONT_BODY_BOLD,
                                                       rect->width, 1);

      mc_render_show (r, title, rect->x, rect->y, 0, MC_TEXT_PANEL_TITLE,
                      mc_theme_get_text (r->theme));
    }
  out->axes = (McAxes) { 0 };
  r->chart->kind->draw (&sub, r->chart->prepared, out);
  if (!panel->measuring)
    mc_marks_add_panel (out, &out->axes, (const guint *) (gpointer) group->series->data,
                        group->series->len);
}

/* The domain the panels share: each laid out once, on a surface that
 * keeps nothing, into marks that are thrown away. */
static void
measure_panels (McRender     *r,
                McPanel      *panel,
                GArray       *groups,
                const McRect *area,
                const Grid   *grid)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  McRender scratch = *r;

  scratch.cr = cr;
  panel->measuring = TRUE;
  for (guint g = 0; g < groups->len; g++)
    {
      McRect rect = panel_rect (area, grid, g);
      g_autoptr(McMarks) out = mc_marks_new (r->chart, r->view, r->width, r->height);

      draw_panel (&scratch, panel, &g_array_index (groups, Group, g), &rect, grid, out);
    }
  panel->measuring = FALSE;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* What the panels share above them: the legend of every series when a
 * panel has more than one, and the measure when they share a scale. */
static void
draw_shared (McRender *r,
             GArray   *groups,
             gboolean  shared,
             McRect   *area)
{
  gboolean legend = FALSE;

  for (guint g = 0; g < groups->len; g++)
    legend = legend || g_array_index (groups, Group, g).series->len > 1;
  if (legend)
    mc_render_legend_above (r, area);
  if (shared)
    {
      g_autofree McSeries **series = g_new (McSeries *, mc_chart_model_get_n_series (r->chart) + 1);
      g_autofree char *text = NULL;
      guint n = 0;

      for (guint g = 0; g < groups->len; g++)
        for (guint i = 0; i < g_array_index (groups, Group, g).series->len; i++)
          series[n++] = mc_chart_model_get_series (r->chart, g_array_index (
                          g_array_index (groups, Group, g).series, guint, i));
      text = mc_render_axis_title (r, series, n);
      if (text != NULL)
        {
          g_autoptr(PangoLayout) layout = mc_render_layout (r, text, MC_FONT_BODY, area->width, 1);

          mc_render_axis_title_above (r, layout, area);
        }
    }
}

static gboolean
wants_panels (McRender *r)
{
  const char *panels = mc_chart_spec_get_string (r->chart->spec, "panels");

  return (r->chart->kind->caps & MC_CHART_CAPS_PANELS) && panels != NULL
         && !g_str_equal (panels, "none");
}

/**
 * mc_render_panels:
 *
 * Draws the chart as small multiples when its spec asks for panels and
 * there are two groups of series or more. Where the canvas is too small
 * for them, panels of one scale become one chart, and panels of
 * different units say so.
 *
 * Returns: %FALSE, having drawn nothing, when the chart is to be drawn
 *   whole, without panels
 */
gboolean
mc_render_panels (McRender *r)
{
  g_autoptr(GArray) groups = NULL;
  McPanel panel = { 0 };
  McRect area = r->body_area;
  Grid grid;

  if (!wants_panels (r))
    return FALSE;
  groups = collect_groups (r);
  if (groups->len < 2)
    return FALSE;
  panel.shared = panels_share_scale (r, groups);
  /* Panels with axes of their own say their units over them. */
  for (guint g = 0; g < groups->len; g++)
    g_array_index (groups, Group, g).title = group_title (r, &g_array_index (groups, Group, g),
                                                          !panel.shared);
  /* Panels too small to draw that share their scale are one chart; those
   * of different units are none. */
  if (!choose_grid (r, &area, groups->len, &grid) && panel.shared)
    return FALSE;
  /* Nothing above panels that can't be drawn. */
  if (choose_grid (r, &area, groups->len, &grid))
    draw_shared (r, groups, panel.shared, &area);
  if (!choose_grid (r, &area, groups->len, &grid))
    {
      mc_render_empty (r, &area, TRUE);
      return TRUE;
    }
  if (panel.shared)
    measure_panels (r, &panel, groups, &area, &grid);
  for (guint g = 0; g < groups->len; g++)
    {
      McRect rect = panel_rect (&area, &grid, g);

      panel.hide_y_labels = panel.shared && g % grid.cols > 0;
      panel.hide_x_labels = g + grid.cols < groups->len;
      panel.first = g == 0;
      draw_panel (r, &panel, &g_array_index (groups, Group, g), &rect, &grid, r->out);
    }
  return TRUE;
}
