/* mc-test-program.h: run the built program in a test, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} McProgramRun;

void  mc_program_run_clear       (McProgramRun       *result);

/* Runs @program with @args (NULL-terminated), with no display and no
 * session bus. @env holds NAME, VALUE pairs, NULL-terminated, to set in
 * the child's environment (a NULL value unsets NAME); it may be NULL. */
void  mc_program_run             (McProgramRun       *result,
                                  const char         *program,
                                  const char * const *env,
                                  const char * const *args);

void  mc_test_assert_contains    (const char         *haystack,
                                  const char         *needle);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (McProgramRun, mc_program_run_clear)

G_END_DECLS
