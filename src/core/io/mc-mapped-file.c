/* mc-mapped-file.c: a large file read through a mapping, safe from
 * being cut short while it is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a large file through a mapping spares the copy that read()
 * makes of every byte: the parsers read the system's cache of the file
 * where it is. But a file that another program truncates while it is
 * mapped ends the process with SIGBUS at the next read of a page past
 * its new end. So while a file is mapped here, a handler of SIGBUS
 * replaces the pages that can no longer be read, from the one read on,
 * with pages of zeros, notes that the file was cut, and lets the read
 * go on: the reader finds zeros where it expected text, and the loader,
 * seeing the file was cut, reads it again the usual way (which says
 * what the file now holds). A SIGBUS at any other address goes to the
 * handler there was before, or ends the process as it would have.
 */
#include "config.h"

#include "mc-mapped-file.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Files mapped at once: a load maps one; more loads at once read
 * theirs the usual way. */
#define MAX_MAPPED 16

/* What the handler reads of a mapping: set before @start, which says
 * the slot is in use (NULL when free). */
typedef struct
{
  gpointer  start;
  gsize     length;
  gint      cut;
} Slot;

struct _McMappedFile
{
  char     *data;
  gsize     length;
  Slot     *slot;
};

static Slot slots[MAX_MAPPED];
static GMutex slots_lock;
static struct sigaction previous_action;
static gsize page_size;

/* Zeros for the rest of a mapping from the page at @address on. Only
 * what a signal handler may do: system calls and atomic operations. */
static gboolean
cut_mapping (Slot      *slot,
             guintptr   address)
{
  guintptr start = (guintptr) g_atomic_pointer_get (&slot->start);
  guintptr page;

  if (start == 0 || address < start || address >= start + slot->length)
    return FALSE;
  page = address & ~(guintptr) (page_size - 1);
  if (mmap ((void *) page, start + slot->length - page, PROT_READ,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
    return FALSE;
  g_atomic_int_set (&slot->cut, 1);
  return TRUE;
}

static void
on_sigbus (int        signal_number,
           siginfo_t *info,
           void      *context)
{
  int saved_errno = errno;

  for (guint i = 0; i < MAX_MAPPED; i++)
    if (cut_mapping (&slots[i], (guintptr) info->si_addr))
      {
        errno = saved_errno;
        return;
      }
  errno = saved_errno;
  if (previous_action.sa_flags & SA_SIGINFO)
    previous_action.sa_sigaction (signal_number, info, context);
  else if (previous_action.sa_handler != SIG_DFL && previous_action.sa_handler != SIG_IGN)
    previous_action.sa_handler (signal_number);
  else
    /* The read happens again on return, and ends the process as it
     * would have without this handler. */
    sigaction (SIGBUS, &previous_action, NULL);
}

static gpointer
install_handler (gpointer data)
{
  struct sigaction action = { 0, };

  page_size = sysconf (_SC_PAGESIZE);
  action.sa_sigaction = on_sigbus;
  action.sa_flags = SA_SIGINFO;
  sigemptyset (&action.sa_mask);
  return GINT_TO_POINTER (sigaction (SIGBUS, &action, &previous_action) == 0);
}

static Slot *
take_slot (gpointer start,
           gsize    length)
{
  Slot *slot = NULL;

  g_mutex_lock (&slots_lock);
  for (guint i = 0; i < MAX_MAPPED && slot == NULL; i++)
    if (g_atomic_pointer_get (&slots[i].start) == NULL)
      {
        slot = &slots[i];
        slot->length = length;
        g_atomic_int_set (&slot->cut, 0);
        g_atomic_pointer_set (&slot->start, start);
      }
  g_mutex_unlock (&slots_lock);
  return slot;
}

/**
 * mc_mapped_file_new:
 *
 * Maps @file for reading, when it is a local regular file of
 * @min_length to @max_length bytes; NULL otherwise, or when it cannot
 * be mapped (no error: the caller reads the file the usual way, which
 * says what is wrong with it). With MC_DEBUG_NO_MAPPING=1 in the
 * environment, no file is mapped: the tests of the usual way set it.
 */
McMappedFile *
mc_mapped_file_new (GFile *file,
                    gsize  min_length,
                    gsize  max_length)
{
  static GOnce handler_once = G_ONCE_INIT;
  const char *path = g_file_peek_path (file);
  McMappedFile *mapped;
  struct stat info;
  void *data;
  int fd;

  if (path == NULL || g_strcmp0 (g_getenv ("MC_DEBUG_NO_MAPPING"), "1") == 0
      || !GPOINTER_TO_INT (g_once (&handler_once, install_handler, NULL)))
    return NULL;
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode)
      || (guint64) info.st_size < min_length || (guint64) info.st_size > max_length
      || info.st_size == 0)
    {
      close (fd);
      return NULL;
    }
  data = mmap (NULL, info.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close (fd);
  if (data == MAP_FAILED)
    return NULL;
  mapped = g_new0 (McMappedFile, 1);
  mapped->data = data;
  mapped->length = info.st_size;
  mapped->slot = take_slot (data, mapped->length);
  if (mapped->slot == NULL)
    {
      munmap (data, mapped->length);
      g_free (mapped);
      return NULL;
    }
  /* Read once, from start to end */
  madvise (data, mapped->length, MADV_SEQUENTIAL);
  return mapped;
}

const char *
mc_mapped_file_get_contents (McMappedFile *mapped,
                             gsize        *length)
{
  *length = mapped->length;
  return mapped->data;
}

/**
 * mc_mapped_file_release:
 * @text: part of the mapped contents, read and no longer needed
 *
 * Gives back the memory of the whole pages of @text, which reading
 * them took: a mapped file read whole would otherwise count whole in
 * the process's memory until it is freed. They read the same if read
 * again.
 */
void
mc_mapped_file_release (McMappedFile *mapped,
                        const char   *text,
                        gsize         length)
{
  guintptr first = ((guintptr) text + page_size - 1) & ~(guintptr) (page_size - 1);
  guintptr end = ((guintptr) text + length) & ~(guintptr) (page_size - 1);

  g_return_if_fail (text >= mapped->data && text + length <= mapped->data + mapped->length);

  if (end > first)
    madvise ((void *) first, end - first, MADV_DONTNEED);
}

/**
 * mc_mapped_file_was_cut:
 *
 * Returns: whether the file was found shorter than when it was mapped:
 *   some of what the mapping read were zeros, not the file's
 */
gboolean
mc_mapped_file_was_cut (McMappedFile *mapped)
{
  return g_atomic_int_get (&mapped->slot->cut) != 0;
}

void
mc_mapped_file_free (McMappedFile *mapped)
{
  g_atomic_pointer_set (&mapped->slot->start, NULL);
  munmap (mapped->data, mapped->length);
  g_free (mapped);
}
