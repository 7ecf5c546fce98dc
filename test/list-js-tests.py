#!/usr/bin/env python3
"""Lists test/parallel/test-*.js for Meson, one per line: the file name, a
tab, and the noderun options its "// Flags:" line asks for (if any)."""
import glob
import os
import sys

for path in sorted(glob.glob(os.path.join(sys.argv[1], 'test-*.js'))):
    flags = ''
    with open(path, encoding='utf-8') as f:
        for line in f.read(2048).splitlines():
            if line.startswith('// Flags:'):
                flags = line[len('// Flags:'):].strip()
                break
    print('%s\t%s' % (os.path.basename(path), flags))
