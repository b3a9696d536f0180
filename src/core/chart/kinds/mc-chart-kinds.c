/* mc-chart-kinds.c: the table of chart kinds
 *
 * A new chart form is a file in this folder that defines its McChartKind,
 * and a line in each list below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-chart-kind.h"

extern const McChartKind mc_chart_kind_bar;
extern const McChartKind mc_chart_kind_line;
extern const McChartKind mc_chart_kind_area;
extern const McChartKind mc_chart_kind_pie;
extern const McChartKind mc_chart_kind_scatter;
extern const McChartKind mc_chart_kind_candlestick;
extern const McChartKind mc_chart_kind_waterfall;
extern const McChartKind mc_chart_kind_combo;

static const McChartKind * const kinds[] = {
  &mc_chart_kind_bar,
  &mc_chart_kind_line,
  &mc_chart_kind_area,
  &mc_chart_kind_pie,
  &mc_chart_kind_scatter,
  &mc_chart_kind_candlestick,
  &mc_chart_kind_waterfall,
  &mc_chart_kind_combo,
  NULL
};

const McChartKind * const *
mc_chart_kinds_get_all (void)
{
  return kinds;
}
