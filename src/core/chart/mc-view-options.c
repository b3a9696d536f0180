/* mc-view-options.c: what a view shows of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-view-options.h"

#include <math.h>

/**
 * mc_view_options_init:
 * @options: (out caller-allocates): options to set up
 *
 * Every series shown, no zoom window and no highlight.
 */
void
mc_view_options_init (McViewOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (McViewOptions) { .highlight_series = -1, .highlight_index = -1 };
}

void
mc_view_options_clear (McViewOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->hidden, g_array_unref);
  mc_view_options_init (options);
}

void
mc_view_options_copy (McViewOptions       *dest,
                      const McViewOptions *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  *dest = *src;
  if (src->hidden != NULL)
    dest->hidden = g_array_copy (src->hidden);
}

gboolean
mc_view_options_get_series_visible (const McViewOptions *options,
                                    guint                series)
{
  g_return_val_if_fail (options != NULL, TRUE);

  return options->hidden == NULL || series >= options->hidden->len
         || g_array_index (options->hidden, guint8, series) == 0;
}

void
mc_view_options_set_series_visible (McViewOptions *options,
                                    guint          series,
                                    gboolean       visible)
{
  g_return_if_fail (options != NULL);

  if (visible && (options->hidden == NULL || series >= options->hidden->len))
    return;
  if (options->hidden == NULL)
    options->hidden = g_array_new (FALSE, TRUE, sizeof (guint8));
  if (series >= options->hidden->len)
    g_array_set_size (options->hidden, series + 1);
  g_array_index (options->hidden, guint8, series) = !visible;
}

void
mc_view_options_set_highlight (McViewOptions *options,
                               int            series,
                               int            index)
{
  g_return_if_fail (options != NULL);

  options->highlight_series = series < 0 ? -1 : series;
  options->highlight_index = series < 0 || index < 0 ? -1 : index;
}

void
mc_view_options_set_x_window (McViewOptions *options,
                              double         min,
                              double         max)
{
  g_return_if_fail (options != NULL);

  options->has_x_window = isfinite (min) && isfinite (max) && max > min;
  options->x_window_min = options->has_x_window ? min : 0;
  options->x_window_max = options->has_x_window ? max : 0;
}

/**
 * mc_view_options_get_x_window:
 * @min: (out) (optional): the first x shown
 * @max: (out) (optional): the last x shown
 *
 * Returns: %FALSE when the whole x range is shown
 */
gboolean
mc_view_options_get_x_window (const McViewOptions *options,
                              double              *min,
                              double              *max)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (!options->has_x_window)
    return FALSE;
  if (min)
    *min = options->x_window_min;
  if (max)
    *max = options->x_window_max;
  return TRUE;
}

gboolean
mc_view_options_x_in_window (const McViewOptions *options,
                             double               x)
{
  return !options->has_x_window || (x >= options->x_window_min && x <= options->x_window_max);
}
