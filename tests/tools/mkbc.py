#!/usr/bin/env python3
"""mkbc.py OUT COUNT: write a small bitcode file whose type table says it
holds COUNT types (LLVM's reader makes room for them all before reading
one), to test that such a count is refused before LLVM sees it.  The
bitstream is LLVM's (llvm/docs/BitCodeFormat.rst): an identification
block, and a module block with a version record and a type table."""
import sys


class Bits:
    def __init__(self):
        self.bits = []

    def fixed(self, v, w):
        self.bits += [(v >> i) & 1 for i in range(w)]

    def vbr(self, v, w):
        hi = 1 << (w - 1)
        while True:
            chunk = v & (hi - 1)
            v >>= w - 1
            self.fixed(chunk | (hi if v else 0), w)
            if not v:
                break

    def align32(self):
        while len(self.bits) % 32:
            self.bits.append(0)

    def block(self, outer, block_id, width, body):
        self.fixed(1, outer)            # ENTER_SUBBLOCK
        self.vbr(block_id, 8)
        self.vbr(width, 4)
        self.align32()
        at = len(self.bits)
        self.fixed(0, 32)               # the length, in words, below
        start = len(self.bits)
        body(width)
        self.fixed(0, width)            # END_BLOCK
        self.align32()
        words = (len(self.bits) - start) // 32
        self.bits[at:at + 32] = [(words >> i) & 1 for i in range(32)]

    def record(self, width, code, ops):
        self.fixed(3, width)            # UNABBREV_RECORD
        self.vbr(code, 6)
        self.vbr(len(ops), 6)
        for op in ops:
            self.vbr(op, 6)

    def bytes(self):
        self.align32()
        out = bytearray()
        for i in range(0, len(self.bits), 8):
            out.append(sum(b << k for k, b in enumerate(self.bits[i:i + 8])))
        return bytes(out)


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    b = Bits()
    b.fixed(0xdec04342, 32)             # 'BC' 0xC0DE
    b.block(2, 13, 5, lambda w: (b.record(w, 1, list(b"LLVM14.0.6")),
                                 b.record(w, 2, [0])))

    def module(w):
        b.record(w, 1, [2])             # MODULE_CODE_VERSION 2
        b.block(w, 17, 4, lambda w2: b.record(w2, 1, [count]))

    b.block(2, 8, 3, module)
    open(out, "wb").write(b.bytes())


main()
