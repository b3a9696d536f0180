/* mc-decimal.h: the double nearest a decimal of up to 19 digits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean mc_decimal_to_double (guint64  digits,
                               int      exponent,
                               double  *value);

G_END_DECLS
