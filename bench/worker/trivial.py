"""The trivial trial of the worker benchmarks: as a `python` function and as a process (`python3 trivial.py`)."""


def run(params, ctx):
    return {"i": params["i"]}


if __name__ == "__main__":
    pass
