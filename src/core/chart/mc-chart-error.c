/* mc-chart-error.c: the error domain of charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-chart-error.h"

G_DEFINE_QUARK (mc-chart-error-quark, mc_chart_error)
