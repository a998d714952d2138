"""Rigor's worker for Python functions (protocol rigor.worker/1, docs/FORMATS.md).

Started by `rigor run` for a spec with `python: {function: "module:function"}`; standard library only.
The module is imported once per worker; each trial calls `function(params, ctx)`, which returns a dict
of metrics (or None) or raises (the run ends `error` with the traceback in stderr.txt and meta.json).

    ctx.seed, ctx.replicate, ctx.ablation, ctx.run_id   this trial's values
    ctx.out, ctx.run_dir                                its output directory and run directory (str)
    ctx.log(step=None, **values)                        stream metrics, like a line of $RIGOR_METRICS
    ctx.cancelled                                       True once Rigor asked the trial to stop

While a trial runs, os.environ holds its RIGOR_* variables (RIGOR_OUT, RIGOR_METRICS, ...), as for a
process trial. Run with `python3 -m rigor_worker module:function`, $RIGOR_WORKER_SOCKET set.
"""

import importlib
import json
import os
import queue
import socket
import sys
import threading
import traceback

PROTOCOL = "rigor.worker/1"


class Context:
    """What a trial function is given besides its params."""

    def __init__(self, worker, message):
        self._worker = worker
        self.run_id = message["run_id"]
        self.seed = message.get("seed")
        self.replicate = message.get("replicate", 1)
        self.ablation = message.get("ablation")
        self.flags = message.get("flags", [])
        self.out = message.get("out")
        self.run_dir = message.get("run_dir")
        self._cancelled = threading.Event()

    @property
    def cancelled(self):
        return self._cancelled.is_set()

    def log(self, step=None, **values):
        """Streams metrics: without step, scalar values (the last one wins); with step, a point of each value's series."""
        line = {"type": "metrics", "run_id": self.run_id}
        if step is not None:
            line["step"] = step
        line.update(values)
        self._worker.send(line)


def _plain(value):
    """JSON for values such as numpy scalars and arrays (anything with .item() or .tolist())."""
    for method in ("item", "tolist"):
        if hasattr(value, method):
            return getattr(value, method)()
    raise TypeError("%r is not JSON serializable" % (value,))


class Worker:
    def __init__(self, path, function_name):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.lock = threading.Lock()
        self.trials = queue.Queue()
        self.current = None
        module_name, _, name = function_name.partition(":")
        sys.argv = [function_name]
        module = importlib.import_module(module_name)
        self.function = getattr(module, name)
        self.base_env = dict(os.environ)

    def send(self, message):
        data = (json.dumps(message, default=_plain, allow_nan=True) + "\n").encode("utf-8")
        with self.lock:
            self.sock.sendall(data)

    def listen(self):
        """Reads the coordinator's messages; trials go to the main thread, cancels act at once."""
        reader = self.sock.makefile("rb")
        for raw in reader:
            message = json.loads(raw)
            kind = message.get("type")
            if kind == "trial":
                self.trials.put(message)
            elif kind == "cancel":
                current = self.current
                if current is not None and current.run_id == message.get("run_id"):
                    current._cancelled.set()
            elif kind == "shutdown":
                break
        # The coordinator has gone (or asked us to stop): no worker outlives it, even mid-trial.
        _flush()
        os._exit(0)

    def serve(self):
        self.send({"type": "hello", "protocol": PROTOCOL, "pid": os.getpid()})
        threading.Thread(target=self.listen, name="rigor-listener", daemon=True).start()
        while True:
            self.run(self.trials.get())

    def run(self, message):
        ctx = Context(self, message)
        self.current = ctx
        os.environ.clear()
        os.environ.update(self.base_env)
        os.environ.update(message.get("env", {}))
        done = {"type": "done", "run_id": ctx.run_id}
        try:
            result = self.function(dict(message.get("params", {})), ctx)
            if result is not None and not isinstance(result, dict):
                raise TypeError("the trial function must return a dict of metrics or None, not %s" % type(result).__name__)
            done.update(status="ok", metrics=result or {})
        except BaseException:  # SystemExit and KeyboardInterrupt too: they end the trial, not the worker
            trace = traceback.format_exc()
            sys.stderr.write(trace)
            done.update(status="error", error=trace.strip().splitlines()[-1] + "\n" + trace.strip())
        _flush()
        self.current = None
        try:
            self.send(done)
        except (TypeError, ValueError) as e:
            self.send({"type": "done", "run_id": ctx.run_id, "status": "error",
                       "error": "the metrics the trial returned are not JSON: %s" % e})


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def main():
    if len(sys.argv) != 2 or ":" not in sys.argv[1] or "RIGOR_WORKER_SOCKET" not in os.environ:
        sys.stderr.write("usage: RIGOR_WORKER_SOCKET=path python3 -m rigor_worker module:function (started by rigor run)\n")
        sys.exit(2)
    Worker(os.environ["RIGOR_WORKER_SOCKET"], sys.argv[1]).serve()


if __name__ == "__main__":
    main()
