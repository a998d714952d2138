"""A trial that imports numpy (module level: once per worker with the `python` kind, once per trial as a process)."""
import numpy as np


def run(params, ctx):
    return {"mean": float(np.arange(10).mean()) + params["i"]}


if __name__ == "__main__":
    print(float(np.arange(10).mean()))
