"""Learner kernels: forked from a warm template, refilled only when the room is quiet.

``template`` is the warm process (``warm`` says what it prepares); ``forked`` starts it and
handles each forked kernel; ``provisioner`` is the jupyter_client provisioner that uses them;
``manager`` is the server's kernel manager; ``shutdown`` each kernel's, which lets a running
cell end before the kernel shuts down; ``refill`` says when the pool may refill.
"""
