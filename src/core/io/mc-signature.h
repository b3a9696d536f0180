/* mc-signature.h: files that are clearly not tables, by their first bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-loader-error.h"

G_BEGIN_DECLS

gboolean  mc_signature_check_table  (const char  *name,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);

G_END_DECLS
