# Jupyter Server settings for this course: shut down kernels that sit idle.
#
# Every open notebook keeps a kernel, and a kernel keeps its memory (600-900 MB
# once TensorFlow is loaded) until it is shut down. Binder restarts all of a
# session's kernels once they pass its 2 GB limit. The notebooks ask learners to
# shut each kernel down before opening the next; this is the safety net for
# those who forget: a kernel that has run nothing for COURSE_KERNEL_IDLE_MINUTES
# (default 20) is shut down, even while its notebook is still open in a tab.
# Re-running a culled notebook takes under 30 s (Run → Run All Cells).
#
# Who loads this file (docs/instructor_guide.md, "Idle kernels"):
# - Binder: postBuild copies it into the image's Jupyter config folder.
# - `make lab`: points JUPYTER_CONFIG_PATH at the repository.
# - JupyterHub: the admin copies it to /etc/jupyter/ in the single-user image
#   (or sets the same three values in the hub's single-user config).
# Change the timeout by setting COURSE_KERNEL_IDLE_MINUTES in the server's
# environment, or by editing DEFAULT_IDLE_MINUTES below in your fork; 0 turns culling off.
import os

DEFAULT_IDLE_MINUTES = 20


def _idle_minutes():
    text = os.environ.get("COURSE_KERNEL_IDLE_MINUTES", str(DEFAULT_IDLE_MINUTES))
    try:
        minutes = float(text)
    except ValueError:
        raise ValueError(f"COURSE_KERNEL_IDLE_MINUTES must be a number of minutes (0 = never), got {text!r}") from None
    if minutes < 0:
        raise ValueError(f"COURSE_KERNEL_IDLE_MINUTES must be 0 (never) or positive, got {text!r}")
    return minutes


c = get_config()  # noqa: F821 (Jupyter provides get_config when it loads this file)
idle_seconds = round(_idle_minutes() * 60)
if idle_seconds:
    c.MappingKernelManager.cull_idle_timeout = idle_seconds
    # How often to look for idle kernels: every minute, or faster for a short timeout.
    c.MappingKernelManager.cull_interval = max(1, min(60, idle_seconds // 4))
    # A forgotten notebook is usually still open in a tab: cull it all the same.
    c.MappingKernelManager.cull_connected = True
    # A kernel that is computing is not idle: never cull it mid-run.
    c.MappingKernelManager.cull_busy = False
