/* mc-chart.h: charts of datasets: their models, what a view shows of
 * them, rendering, hit-testing and descriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-chart-kind.h"
#include "mc-chart-model.h"
#include "mc-describe.h"
#include "mc-hit.h"
#include "mc-marks.h"
#include "mc-render.h"
#include "mc-view-options.h"
