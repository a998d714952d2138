#!/usr/bin/env python3
"""The `program` reactor of the agent example: it plays the user when the agent asks which file.

Rigor gives it the transcript so far as JSON on stdin (schema rigor.transcript/1) and types what it
prints. An LLM playing the user would sit here; this one answers from the first instruction.
"""
import json
import sys

transcript = json.load(sys.stdin)
first = transcript["turns"][0]["sent"] if transcript["turns"] else ""
print("answer.txt" if "answer" in first else "notes.txt")
