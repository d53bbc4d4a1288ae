"""Entry script of the frozen app (PyInstaller needs a script, not a console-script entry point).

Also the "source run" of the launch-time comparison in ``packaging/check_bundle.py``, so both
sides start through the same code. ``DOANCOSO_EXIT_AFTER_SHOW=1`` installs the launch-time probe
(see ``doancoso.selftest.install_exit_after_show``); without it this is just ``doancoso``.
"""

import os
import sys

if __name__ == "__main__":
    if os.environ.get("DOANCOSO_EXIT_AFTER_SHOW"):
        from doancoso.selftest import install_exit_after_show

        install_exit_after_show()
    from doancoso.__main__ import main

    sys.exit(main())
