/* mc-cli.h: the command line modes (check, list, export), without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of the command line modes. */
typedef enum
{
  MC_CLI_EXIT_SUCCESS = 0,
  MC_CLI_EXIT_FAILURE = 1,   /* a file could not be read or written */
  MC_CLI_EXIT_USAGE   = 2,   /* the command line asks for something wrong */
} McCliExit;

#define MC_CLI_ERROR (mc_cli_error_quark ())

typedef enum
{
  MC_CLI_ERROR_USAGE,        /* exit status 2 */
  MC_CLI_ERROR_FAILED,       /* exit status 1 */
} McCliError;

/* What --export and --export-all were given; every field is nullable and
 * then means the default. */
typedef struct
{
  const char *dataset;       /* bundled id or a file; default: first bundled */
  const char *chart;         /* chart id; default: the dataset's first */
  const char *size;          /* "WIDTHxHEIGHT" in pixels */
  const char *scale;         /* pixel density, e.g. "2" */
  const char *theme;         /* "light" or "dark" */
  const char *font;          /* a font family; default: the desktop's */
  const char *format;        /* --export-all: "png", "svg" or "pdf" */
  gboolean    transparent;
  /* How to read the dataset file, also for --check and --convert */
  const char *sheet;         /* a workbook's sheet: name or number */
  const char *records;       /* JSON: the path of the records */
  const char *delimiter;     /* CSV: ",", ";", "tab" or "|" */
} McCliExportArgs;

/* The parsed command line. */
typedef struct
{
  gboolean             version;
  gboolean             list;
  gboolean             check;
  gboolean             verbose;       /* --check: the columns too */
  const char          *convert_file;
  const char          *export_file;
  const char          *export_dir;
  McCliExportArgs      export_args;
  const char * const  *files;         /* the arguments left; nullable */
} McCliOptions;

GQuark    mc_cli_error_quark      (void);

/* The options of the command line modes, for GApplication. */
const GOptionEntry *mc_cli_get_option_entries (void);

/* Parses the command line itself and runs the mode it asks for; -1 when
 * the application should take it (the window, --help, unknown options). */
int       mc_cli_main             (int                    argc,
                                   char                 **argv);

/* Runs the mode @options asks for and returns its exit status, or -1 when
 * no command line mode was asked for (then the window should open, with
 * the files if any). Output goes to stdout, messages to stderr. */
int       mc_cli_run              (const McCliOptions    *options);

int       mc_cli_check            (const char * const    *files);
int       mc_cli_check_full       (const char * const    *files,
                                   const McCliExportArgs *args,
                                   gboolean               verbose);
int       mc_cli_convert          (const char            *output,
                                   const McCliExportArgs *args);
int       mc_cli_list             (void);
int       mc_cli_export           (const char            *output,
                                   const McCliExportArgs *args);
int       mc_cli_export_all       (const char            *directory,
                                   const McCliExportArgs *args);

/* "800x500" (or "800×500") into pixels within the export limits. */
gboolean  mc_cli_parse_size       (const char            *text,
                                   double                *width,
                                   double                *height,
                                   GError               **error);

G_END_DECLS
