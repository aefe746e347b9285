#!/usr/bin/env python3
"""Prints the failed tests of TRX files (dotnet test --logger trx): name, message and the first lines of the stack.

test.sh calls it after a failed run, so that the failures are the last thing a long log shows.
"""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

failed = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        print(f"{path}: {error}")
        continue
    for result in root.iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") != "Failed":
            continue
        failed += 1
        print(f"\nFAILED {result.get('testName')} ({result.get('duration')})")
        message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
        stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=NS).strip()
        for line in message.splitlines()[:30]:
            print(f"  {line}")
        for line in stack.splitlines()[:12]:
            print(f"  {line}")
print(f"\n{failed} failed test(s) in {len(sys.argv) - 1} result file(s).")
