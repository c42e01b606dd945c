#!/usr/bin/env python3
"""Writes a commit whose tree is DEPTH folders deep (incidents/a/a/.../x.md) into the bare
repository REPO, as one pack: the shape no person makes, and the one that overflows a
program that walks trees by recursion.

Usage: make_deep_tree.py REPO DEPTH"""
import hashlib, os, struct, subprocess, sys, zlib
repo, depth = sys.argv[1], int(sys.argv[2])
objects = []
def put(kind, code, body):
    oid = hashlib.sha1(b"%s %d\0" % (kind, len(body)) + body).digest()
    objects.append((code, body))
    return oid
blob = put(b"blob", 3, b"# Deep\n\nAt the bottom.\n")
tree = put(b"tree", 2, b"100644 x.md\0" + blob)
for _ in range(depth):
    tree = put(b"tree", 2, b"40000 a\0" + tree)
tree = put(b"tree", 2, b"40000 incidents\0" + tree)
commit = put(b"commit", 1, b"tree %s\nauthor T <t@e> 1700000000 +0000\ncommitter T <t@e> 1700000000 +0000\n\nDeep\n" % tree.hex().encode())
pack = bytearray(b"PACK" + struct.pack(">II", 2, len(objects)))
for code, body in objects:
    size = len(body); byte = (code << 4) | (size & 15); size >>= 4
    header = bytearray()
    while size:
        header.append(byte | 0x80); byte = size & 0x7f; size >>= 7
    header.append(byte)
    pack += header + zlib.compress(body, 1)
pack += hashlib.sha1(pack).digest()
path = os.path.join(repo, "objects", "pack", "deep.pack")
open(path, "wb").write(pack)
subprocess.run(["git", "index-pack", path], check=True, capture_output=True)
open(os.path.join(repo, "refs", "heads", "master"), "w").write(commit.hex() + "\n")
