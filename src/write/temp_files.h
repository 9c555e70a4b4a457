// Temporary files removed when pes is stopped by a signal (SIGINT, SIGTERM, SIGHUP, SIGPIPE):
// the handler unlinks each registered path with async-signal-safe calls only, then lets the
// signal end the process as it would have.
#pragma once

#include <signal.h>

namespace pes {

/// Registers a temporary file; returns its slot, or -1 when the table is full or the path too
/// long (the file is then only removed the ordinary way). Installs the handlers on first use.
int register_temp_file(const char* path);
/// Forgets a slot (after the file was renamed into place or removed). -1 is ignored.
void unregister_temp_file(int slot);

/// Blocks the signals above on this thread while alive, so that a file can be created and
/// registered with no signal in between.
class SignalBlock {
 public:
  SignalBlock();
  ~SignalBlock();
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;

 private:
  sigset_t saved_;
};

}  // namespace pes
