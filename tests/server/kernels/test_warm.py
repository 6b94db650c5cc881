"""What the template prepares once: the module scan a forked kernel skips, and nothing else of
``sys`` hidden from ipykernel."""

from __future__ import annotations

import sys

import ipykernel.ipkernel
import pytest

from netedu.server.kernels.warm import without_module_scan


def test_ipykernel_sees_no_modules_to_scan_while_a_kernel_is_built_and_the_real_sys_after() -> None:
    with without_module_scan():
        seen = ipykernel.ipkernel.sys
        assert seen.modules == {} and seen.version_info == sys.version_info and seen.stdout is sys.stdout
    assert ipykernel.ipkernel.sys is sys


def test_the_real_sys_comes_back_after_a_failure() -> None:
    with pytest.raises(RuntimeError), without_module_scan():
        raise RuntimeError("the kernel failed to start")
    assert ipykernel.ipkernel.sys is sys


def test_ipykernel_reads_sys_modules_only_for_its_module_list() -> None:
    """The scan is skipped by hiding ``sys.modules`` from ipykernel's kernel module: that must
    stay the only thing that module reads it for (a new use would see nothing)."""
    import inspect

    source = inspect.getsource(ipykernel.ipkernel)
    assert source.count("sys.modules") == 1 and "self._kernel_modules = [" in source
