/* mc-header-unit.h: the unit a column's header gives its numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-column.h"

G_BEGIN_DECLS

gboolean  mc_header_unit_parse  (const char  *header,
                                 char       **label,
                                 char       **unit,
                                 McScale     *scale);

G_END_DECLS
