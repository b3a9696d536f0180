/* fuzz-common.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fuzz target defines LLVMFuzzerTestOneInput(). It is linked either
 * with libFuzzer (-Dfuzzing=true, clang) or with replay.c, which feeds it
 * the files of the regression and seed corpora in the normal test suite.
 */
#pragma once

#include <gio/gio.h>
#include <stddef.h>
#include <stdint.h>

#include "mc-dataset.h"

G_BEGIN_DECLS

/* A message longer than this cannot be read in a dialog: whatever a file
 * holds, messages quote it shortened. */
#define FUZZ_MAX_MESSAGE_LENGTH 1000

int         LLVMFuzzerTestOneInput    (const uint8_t  *data,
                                       size_t          size);

/* Makes GLib criticals and warnings fatal, so that a failed precondition
 * counts as a crash. Safe to call on every input. */
void        fuzz_init                 (void);

/* The folder CSV references of fuzzed JSON resolve against: the good
 * test corpus, where prices.csv lives. Owned by the callee. */
GFile      *fuzz_get_base             (void);

/* Aborts unless @error is set, in @domain, with a non-empty UTF-8
 * message that starts with @prefix (nullable: no prefix check). */
void        fuzz_check_error          (const GError   *error,
                                       GQuark          domain,
                                       const char     *prefix);

/* Aborts unless the message of @error names a file: @name, the fuzzed
 * one, or the CSV file it references. */
void        fuzz_check_names_file     (const GError   *error,
                                       const char     *name);

/* Aborts unless @dataset keeps the loader's promises: every column as
 * long as the dataset, only finite numbers or NAN, booleans 0 or 1, valid
 * UTF-8 text within the limits, charts naming existing columns. */
void        fuzz_check_dataset        (McDataset      *dataset);

/* Loads @data as a file named @name with the reader @format (nullable:
 * the one the loader chooses), and checks the dataset or the error,
 * which names the file. */
void        fuzz_load                 (const char     *data,
                                       gsize           length,
                                       const char     *name,
                                       const char     *format);

/* Makes a workbook around one part of it (a sheet, content.xml). */
typedef GBytes *(*FuzzWrapFunc)       (const char     *part,
                                       gsize           length);

/* Loads an input that starts as a zip archive does ("PK") as a whole
 * workbook, and any other as a part of the workbook @wrap makes around
 * it, so that the fuzzer works on the XML rather than on deflated bytes. */
void        fuzz_load_workbook        (const uint8_t  *data,
                                       size_t          size,
                                       const char     *name,
                                       const char     *format,
                                       FuzzWrapFunc    wrap);

G_END_DECLS
